/**
 * Builds a database exactly as Tend's schema v5 left it: v4's stores and records, plus a draft
 * (never edit this file: it is what users' databases look like). The story continues v4's: a note
 * about Charles was being written in the popup on a Gmail thread.
 */
import { buildFrozenDatabase } from './released-steps';
import { V4_RECORDS } from './v4';

const CHARLES = V4_RECORDS.contacts[0].id;
const URL = 'https://mail.google.com/mail/u/0/#inbox/engine';

/** Every record of the v5 database, by store, in key order. */
export const V5_RECORDS = {
  ...V4_RECORDS,
  drafts: [
    {
      key: `page:${URL}`,
      about: { kind: 'page', url: URL },
      draft: {
        text: 'Ask about the difference engine',
        kind: 'note',
        contactIds: [CHARLES],
        peopleChosen: true,
        requestId: '01907000-0000-7000-8000-0000000000d1',
      },
      updatedAt: 1_720_000_600_000,
    },
  ],
} as const;

/** Create the v5 database `name` with V5_RECORDS in it. */
export const buildV5Database = (name: string): Promise<void> => buildFrozenDatabase(name, 5, V5_RECORDS);
