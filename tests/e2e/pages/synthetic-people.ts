/**
 * Made-up people for the large e2e tests (restore, import, sync): one generator, its variants by
 * option, and the same people as the contacts files other apps write (vCard, Google's CSV).
 */
import { newId } from '../../../utils/ids';
import type { Contact, FollowUp, Interaction } from '../../../utils/model/records';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Which people, and what each has. */
export interface SyntheticPeopleOptions {
  /** People numbered from `first` (default 0), `count` of them: "Person 12 <surname>", person12@<domain>. */
  first?: number;
  count: number;
  surname: string;
  domain: string;
  /** Made this many days before `now`, one second apart (default 400). */
  daysAgo?: number;
  now?: number;
  tags?: string[];
  /** Notes each (default 1), an hour apart: `note` writes them (default "Note about person 12"). */
  notesPerPerson?: number;
  note?: (person: number, index: number) => string;
  /** More of each person (an organisation, what matters). */
  more?: (person: number) => Partial<Contact>;
  /** One follow-up for every this many people (default none). */
  followUpEvery?: number;
}

/** Synthetic people with their notes and follow-ups, as the records Tend stores. */
export function syntheticPeople(options: SyntheticPeopleOptions): { contacts: Contact[]; interactions: Interaction[]; followUps: FollowUp[] } {
  const { first = 0, count, surname, domain, daysAgo = 400, now = Date.now(), tags = [], notesPerPerson = 1, followUpEvery } = options;
  const note = options.note ?? ((person: number) => `Note about person ${person}`);
  const contacts: Contact[] = [];
  const interactions: Interaction[] = [];
  const followUps: FollowUp[] = [];
  for (let p = first; p < first + count; p++) {
    const createdAt = now - daysAgo * DAY + p * 1000;
    const id = newId(createdAt);
    contacts.push({
      id,
      displayName: `Person ${p} ${surname}`,
      identities: [{ kind: 'email', value: `person${p}@${domain}` }],
      tags,
      ...options.more?.(p),
      createdAt,
      updatedAt: createdAt,
    });
    for (let e = 0; e < notesPerPerson; e++) {
      const at = createdAt + 1 + e * HOUR;
      interactions.push({ id: newId(at), contactIds: [id], kind: 'note', at, summary: note(p, e), createdAt: at });
    }
    if (followUpEvery && (p - first) % followUpEvery === 0) {
      followUps.push({ id: newId(createdAt), contactId: id, due: now + 30 * DAY + p * 60_000, text: `Write to person ${p}`, done: false });
    }
  }
  return { contacts, interactions, followUps };
}

/** People as a vCard 3.0 file, as phones and address books export them (what matters as NOTE). */
export function vCardFileOf(contacts: readonly Contact[]): string {
  const card = (contact: Contact) =>
    [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${contact.displayName}`,
      ...contact.identities.filter((identity) => identity.kind === 'email').map((identity) => `EMAIL;TYPE=INTERNET:${identity.value}`),
      ...(contact.org ? [`ORG:${contact.org}`] : []),
      ...(contact.whatMatters ? [`NOTE:${contact.whatMatters}`] : []),
      ...(contact.tags.length > 0 ? [`CATEGORIES:${contact.tags.join(',')}`] : []),
      'END:VCARD',
    ].join('\r\n');
  return contacts.map(card).join('\r\n') + '\r\n';
}

/** People as Google Contacts' CSV export (its header row, one person a row; no field holds a comma). */
export function googleCsvFileOf(contacts: readonly Contact[]): string {
  const rows = contacts.map((contact) => {
    const [given = '', ...rest] = contact.displayName.split(' ');
    return [contact.displayName, given, rest.join(' '), contact.identities[0]?.value ?? '', contact.org ?? ''].join(',');
  });
  return ['Name,Given Name,Family Name,E-mail 1 - Value,Organization 1 - Name', ...rows].join('\r\n') + '\r\n';
}
