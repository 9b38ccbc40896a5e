/** What of a person and of a timeline entry is searchable, as the index and the highlighter see it. */
import type { Contact, Interaction } from '../model/records';
import type { FieldName, IndexDoc } from './inverted-index';

/** The searchable parts of a person: name, addresses, organisation and title, tags, what matters. */
export function personFields(contact: Contact): [FieldName, string][] {
  return [
    ['name', contact.displayName],
    ...contact.identities.map((identity): [FieldName, string] => ['identity', identity.value]),
    ...(contact.org ? [['org', contact.org] as [FieldName, string]] : []),
    ...(contact.title ? [['org', contact.title] as [FieldName, string]] : []),
    ...contact.tags.map((tag): [FieldName, string] => ['tag', tag]),
    ...(contact.whatMatters ? [['text', contact.whatMatters] as [FieldName, string]] : []),
  ];
}

/** A person as an index record. */
export function personDoc(contact: Contact): IndexDoc {
  return { kind: 'person', id: contact.id, recency: contact.lastInteractionAt ?? contact.updatedAt, fields: personFields(contact) };
}

/**
 * The text of an entry that search shows and matches: its summary, the body, and the source's
 * title when it adds something. Stage changes are Tend's own bookkeeping and are not searched.
 */
export function entryText(entry: Interaction): string {
  if (entry.kind === 'stage') return '';
  const parts = [entry.summary];
  if (entry.body) parts.push(entry.body);
  if (entry.source?.title && entry.source.title !== entry.summary) parts.push(entry.source.title);
  return parts.join('\n');
}

/** A timeline entry as an index record (an entry with no searchable text is kept, with no words). */
export function noteDoc(entry: Interaction): IndexDoc {
  const text = entryText(entry);
  return { kind: 'note', id: entry.id, recency: entry.at, fields: text ? [['text', text]] : [] };
}
