/**
 * Builds a database exactly as Tend's schema v2 left it (v1's stores plus `imports`), with
 * records in every store, through the released upgrade steps (never edit this file: it is
 * what users' databases look like). The records tell one story: Ada seen in a Gmail thread with Grace, Grace then imported from a vCard
 * (which also gave Ada a tag), a note on Grace, a follow-up on Ada done after a snooze.
 */
import { buildFrozenDatabase } from './released-steps';

const ADA = '01900000-0000-7000-8000-0000000002a1';
const GRACE = '01900000-0000-7000-8000-0000000002a2';
const SIGHTING = '01900000-0000-7000-8000-0000000002b1';
const NOTE = '01900000-0000-7000-8000-0000000002b2';
const IMPORT = '01900000-0000-7000-8000-0000000002d1';

const adaBeforeImport = {
  id: ADA,
  displayName: 'Ada Lovelace',
  identities: [{ kind: 'email', value: 'ada@analytical.example' }],
  tags: [],
  createdAt: 1_710_000_000_000,
  updatedAt: 1_710_000_000_000,
  lastInteractionAt: 1_710_000_000_000,
};
const ada = {
  ...adaBeforeImport,
  identities: [
    { kind: 'email', value: 'ada@analytical.example' },
    { kind: 'url', value: 'https://github.com/ada' },
  ],
  org: 'Analytical Society',
  title: 'Countess',
  tags: ['engines'],
  stage: 'active',
  whatMatters: 'Her engine notes; her daughter',
  cadenceDays: 30,
  updatedAt: 1_710_000_500_000,
};
const grace = {
  id: GRACE,
  displayName: 'Grace Hopper',
  identities: [{ kind: 'email', value: 'grace@navy.example' }],
  tags: ['navy'],
  createdAt: 1_710_000_500_000,
  updatedAt: 1_710_000_500_000,
  lastInteractionAt: 1_710_000_500_000,
};

/** Every record of the v2 database, by store, in key order. */
export const V2_RECORDS = {
  contacts: [ada, grace],
  identities: [
    { key: 'email:ada@analytical.example', kind: 'email', value: 'ada@analytical.example', contactId: ADA },
    { key: 'email:grace@navy.example', kind: 'email', value: 'grace@navy.example', contactId: GRACE },
    { key: 'url:https://github.com/ada', kind: 'url', value: 'https://github.com/ada', contactId: ADA },
  ],
  interactions: [
    {
      id: SIGHTING,
      contactIds: [ADA, GRACE],
      kind: 'sighting',
      at: 1_710_000_000_000,
      summary: 'Seen in “Plan for the engine”',
      source: { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz', title: 'Plan for the engine', site: 'gmail' },
      dedupeKey: 'sighting:https://mail.google.com/mail/u/0/#inbox/FMfcgz:2024-03-09',
      createdAt: 1_710_000_000_000,
    },
    {
      id: NOTE,
      contactIds: [GRACE],
      kind: 'note',
      at: 1_710_000_500_000,
      summary: 'From the address book: met at the conference',
      body: 'Asked about COBOL',
      experience: 'positive',
      createdAt: 1_710_000_500_000,
      editedAt: 1_710_000_600_000,
    },
  ],
  timeline: [
    { contactId: ADA, at: 1_710_000_000_000, interactionId: SIGHTING },
    { contactId: GRACE, at: 1_710_000_000_000, interactionId: SIGHTING },
    { contactId: GRACE, at: 1_710_000_500_000, interactionId: NOTE },
  ],
  followUps: [
    {
      id: '01900000-0000-7000-8000-0000000002c1',
      contactId: ADA,
      due: 1_710_100_000_000,
      text: 'Send the Bernoulli tables',
      done: true,
      snoozedUntil: 1_710_103_600_000,
      entryId: SIGHTING,
      createdAt: 1_710_000_000_000,
      doneAt: 1_710_104_000_000,
      notifiedFor: 1_710_103_600_000,
    },
  ],
  imports: [
    {
      id: IMPORT,
      at: 1_710_000_500_000,
      source: 'vCard: contacts.vcf',
      createdContacts: [grace],
      changedContacts: [{ before: adaBeforeImport, after: { ...adaBeforeImport, tags: ['engines'], updatedAt: 1_710_000_500_000 } }],
      addedIdentities: [{ key: 'email:grace@navy.example', contactId: GRACE }],
      addedInteractionIds: [NOTE],
    },
  ],
} as const;

/** Create the v2 database `name` with V2_RECORDS in it. */
export const buildV2Database = (name: string): Promise<void> => buildFrozenDatabase(name, 2, V2_RECORDS);
