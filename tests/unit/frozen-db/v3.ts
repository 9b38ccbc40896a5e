/**
 * Builds a database exactly as Tend's schema v3 left it (v2's stores plus `merges`), with
 * records in every store, through the released upgrade steps (never edit this file: it is
 * what users' databases look like). The story:
 * Charles was in Tend twice (his Gmail address, then a second address from an import); the
 * two were merged into one, with everything needed to undo that kept in `merges`.
 */
import { buildFrozenDatabase } from './released-steps';

const CHARLES = '01900000-0000-7000-8000-0000000003a1';
const CHARLES_TWIN = '01900000-0000-7000-8000-0000000003a2';
const SIGHTING = '01900000-0000-7000-8000-0000000003b1';
const CALL = '01900000-0000-7000-8000-0000000003b2';
const STAGE = '01900000-0000-7000-8000-0000000003b3';
const FOLLOW_UP = '01900000-0000-7000-8000-0000000003c1';
const IMPORT = '01900000-0000-7000-8000-0000000003d1';

const charlesBefore = {
  id: CHARLES,
  displayName: 'Charles Babbage',
  identities: [{ kind: 'email', value: 'charles@engine.example' }],
  tags: ['engines'],
  createdAt: 1_720_000_000_000,
  updatedAt: 1_720_000_000_000,
  lastInteractionAt: 1_720_000_000_000,
};
const twin = {
  id: CHARLES_TWIN,
  displayName: 'C. Babbage',
  identities: [{ kind: 'email', value: 'babbage@royal-society.example' }],
  org: 'Royal Society',
  tags: ['imported'],
  createdAt: 1_720_000_100_000,
  updatedAt: 1_720_000_100_000,
  lastInteractionAt: 1_720_000_200_000,
};
const charlesAfterMerge = {
  ...charlesBefore,
  identities: [
    { kind: 'email', value: 'charles@engine.example' },
    { kind: 'email', value: 'babbage@royal-society.example' },
  ],
  org: 'Royal Society',
  tags: ['engines', 'imported'],
  updatedAt: 1_720_000_300_000,
  lastInteractionAt: 1_720_000_200_000,
};
const charles = { ...charlesAfterMerge, stage: 'customer', updatedAt: 1_720_000_400_000, lastInteractionAt: 1_720_000_400_000 };

/** Every record of the v3 database, by store, in key order. */
export const V3_RECORDS = {
  contacts: [charles],
  identities: [
    { key: 'email:babbage@royal-society.example', kind: 'email', value: 'babbage@royal-society.example', contactId: CHARLES },
    { key: 'email:charles@engine.example', kind: 'email', value: 'charles@engine.example', contactId: CHARLES },
  ],
  interactions: [
    {
      id: SIGHTING,
      contactIds: [CHARLES],
      kind: 'sighting',
      at: 1_720_000_000_000,
      summary: 'Seen in “Difference engine”',
      source: { url: 'https://mail.google.com/mail/u/0/#inbox/KtbxLr', title: 'Difference engine', site: 'gmail' },
      dedupeKey: 'sighting:https://mail.google.com/mail/u/0/#inbox/KtbxLr:2024-07-03',
      createdAt: 1_720_000_000_000,
    },
    {
      id: CALL,
      contactIds: [CHARLES],
      kind: 'call',
      at: 1_720_000_200_000,
      summary: 'Called about funding',
      experience: 'negative',
      createdAt: 1_720_000_200_000,
    },
    { id: STAGE, contactIds: [CHARLES], kind: 'stage', at: 1_720_000_400_000, summary: 'Stage: no stage → customer', createdAt: 1_720_000_400_000 },
  ],
  timeline: [
    { contactId: CHARLES, at: 1_720_000_000_000, interactionId: SIGHTING },
    { contactId: CHARLES, at: 1_720_000_200_000, interactionId: CALL },
    { contactId: CHARLES, at: 1_720_000_400_000, interactionId: STAGE },
  ],
  followUps: [
    { id: FOLLOW_UP, contactId: CHARLES, due: 1_720_200_000_000, text: 'Ask how the funding went', done: false, entryId: CALL, createdAt: 1_720_000_200_000 },
  ],
  imports: [
    {
      id: IMPORT,
      at: 1_720_000_100_000,
      source: 'CSV: other-contacts.csv',
      createdContacts: [twin],
      changedContacts: [],
      addedIdentities: [{ key: 'email:babbage@royal-society.example', contactId: CHARLES_TWIN }],
      addedInteractionIds: [],
    },
  ],
  merges: [
    {
      id: '01900000-0000-7000-8000-0000000003e1',
      at: 1_720_000_300_000,
      keptId: CHARLES,
      mergedId: CHARLES_TWIN,
      keptBefore: charlesBefore,
      mergedBefore: twin,
      keptAfter: charlesAfterMerge,
      movedIdentityKeys: ['email:babbage@royal-society.example'],
      entries: [{ id: CALL, at: 1_720_000_200_000, contactIds: [CHARLES_TWIN] }],
      followUpIds: [FOLLOW_UP],
    },
  ],
} as const;

/** Create the v3 database `name` with V3_RECORDS in it. */
export const buildV3Database = (name: string): Promise<void> => buildFrozenDatabase(name, 3, V3_RECORDS);
