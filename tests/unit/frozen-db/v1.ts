/**
 * Builds a database exactly as Tend's schema v1 left it, with one record in every store, through
 * the released v1 step (never edit this file: it is what users' databases look like). The
 * upgrade test opens it with today's openTendDb.
 */
import { buildFrozenDatabase } from './released-steps';

export const V1_RECORDS = {
  contact: {
    id: '01900000-0000-7000-8000-00000000000a',
    displayName: 'Ada Lovelace',
    identities: [{ kind: 'email', value: 'ada@analytical.example' }],
    tags: ['maths'],
    whatMatters: 'Her engine notes; her daughter',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_100_000,
    lastInteractionAt: 1_700_000_100_000,
  },
  identity: { key: 'email:ada@analytical.example', kind: 'email', value: 'ada@analytical.example', contactId: '01900000-0000-7000-8000-00000000000a' },
  interaction: {
    id: '01900000-0000-7000-8000-00000000000b',
    contactIds: ['01900000-0000-7000-8000-00000000000a'],
    kind: 'note',
    at: 1_700_000_100_000,
    summary: 'Met at the salon',
    createdAt: 1_700_000_100_000,
  },
  timeline: { contactId: '01900000-0000-7000-8000-00000000000a', at: 1_700_000_100_000, interactionId: '01900000-0000-7000-8000-00000000000b' },
  followUp: {
    id: '01900000-0000-7000-8000-00000000000c',
    contactId: '01900000-0000-7000-8000-00000000000a',
    due: 1_700_100_000_000,
    text: 'Send the notes',
    done: false,
  },
} as const;

/** Create the v1 database `name` with V1_RECORDS in it. */
export const buildV1Database = (name: string): Promise<void> =>
  buildFrozenDatabase(name, 1, {
    contacts: [V1_RECORDS.contact],
    identities: [V1_RECORDS.identity],
    interactions: [V1_RECORDS.interaction],
    timeline: [V1_RECORDS.timeline],
    followUps: [V1_RECORDS.followUp],
  });
