/** Searching people and notes through the live index, with the records read back and highlighted. */
import type { TendDatabase } from '../db/schema';
import type { NoteHit, PersonField, PersonHit, SearchResult } from '../messaging/features/search';
import type { Contact, Interaction } from '../model/records';
import { entryText } from './documents';
import { excerpt, highlight } from './highlight';
import { queueReindex, searchIndexOf } from './live-index';
import { readRecords } from '../db/records-repo';
import { queryTerms } from './tokens';

/** At most this many non-name fields are shown per person. */
const MAX_MATCHED_FIELDS = 3;

/** Limits of one search. */
export interface SearchLimits {
  people: number;
  notes: number;
}

/** The fields of a person besides the name that matched the query, highlighted. */
function matchedFields(contact: Contact, terms: string[]): PersonHit['matched'] {
  const candidates: [PersonField, string][] = [
    ...contact.identities.map((identity): [PersonField, string] => ['address', identity.value]),
    ...(contact.org ? [['organisation', contact.org] as [PersonField, string]] : []),
    ...(contact.title ? [['title', contact.title] as [PersonField, string]] : []),
    ...contact.tags.map((tag): [PersonField, string] => ['tag', tag]),
  ];
  const matched: PersonHit['matched'] = [];
  for (const [field, text] of candidates) {
    const value = highlight(text, terms);
    if (value.ranges.length > 0) matched.push({ field, value });
  }
  if (contact.whatMatters) {
    const value = excerpt(contact.whatMatters, terms, 100);
    if (value.ranges.length > 0) matched.push({ field: 'whatMatters', value });
  }
  // The field that explains the most of the query first (stable: addresses before tags on ties).
  return matched.sort((a, b) => b.value.ranges.length - a.value.ranges.length).slice(0, MAX_MATCHED_FIELDS);
}

/**
 * People and notes matching every word of `query` (each word a prefix of a word in the record),
 * grouped and ranked, with the matching parts marked; notes only once a word has two letters,
 * counted up to a cap (see InvertedIndex.search). Records deleted behind the index's back
 * are skipped and queued for removal.
 */
export async function searchEverything(db: TendDatabase, query: string, limits: SearchLimits): Promise<SearchResult> {
  const terms = queryTerms(query);
  const index = await searchIndexOf(db);
  const empty: SearchResult = { query, people: [], notes: [], peopleTotal: 0, notesTotal: 0, notesCapped: false, notesSearched: false };
  if (terms.length === 0) return empty;
  const found = index.search(terms, limits);
  const read = await readRecords(
    db,
    found.people.map((hit) => hit.id),
    found.notes.map((hit) => hit.id),
  );
  const contacts = found.people.map((hit) => read.contacts.get(hit.id));
  const entries = found.notes.map((hit) => read.interactions.get(hit.id));
  const liveEntries = entries.filter((entry): entry is Interaction => entry !== undefined);
  const namesNeeded = [...new Set(liveEntries.flatMap((entry) => entry.contactIds))];
  const names = new Map<string, string>();
  for (const [id, contact] of (await readRecords(db, namesNeeded, [])).contacts) if (contact) names.set(id, contact.displayName);
  const gone = {
    contactIds: found.people.filter((_, i) => !contacts[i]).map((hit) => hit.id),
    interactionIds: found.notes.filter((_, i) => !entries[i]).map((hit) => hit.id),
  };
  if (gone.contactIds.length + gone.interactionIds.length > 0) queueReindex(db, gone);
  const people = contacts
    .filter((contact): contact is Contact => contact !== undefined)
    .map((contact): PersonHit => ({ contact, name: highlight(contact.displayName, terms), matched: matchedFields(contact, terms) }));
  const notes = liveEntries.map((entry): NoteHit => ({
    id: entry.id,
    kind: entry.kind,
    at: entry.at,
    people: entry.contactIds.flatMap((id) => (names.has(id) ? [{ id, displayName: names.get(id)! }] : [])),
    excerpt: excerpt(entryText(entry), terms),
  }));
  return {
    query,
    people,
    notes,
    peopleTotal: found.peopleTotal - gone.contactIds.length,
    notesTotal: found.notesTotal - gone.interactionIds.length,
    notesCapped: found.notesCapped,
    notesSearched: found.notesSearched,
  };
}

/** People matching the query, best first (the people picker's search). */
export async function searchPeople(db: TendDatabase, query: string, limit: number): Promise<Contact[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const found = (await searchIndexOf(db)).search(terms, { people: limit, notes: 0 });
  const read = (
    await readRecords(
      db,
      found.people.map((hit) => hit.id),
      [],
    )
  ).contacts;
  const contacts = found.people.map((hit) => read.get(hit.id));
  const gone = found.people.filter((_, i) => !contacts[i]).map((hit) => hit.id);
  if (gone.length > 0) queueReindex(db, { contactIds: gone });
  return contacts.filter((contact): contact is Contact => contact !== undefined);
}
