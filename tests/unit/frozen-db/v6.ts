/**
 * Builds a database exactly as Tend's schema v6 left it: v5's stores and records, plus the user's
 * settings (never edit this file: it is what users' databases look like). Charles's correspondent
 * keeps her own address apart, and said a shared inbox is not hers.
 */
import { buildFrozenDatabase } from './released-steps';
import { V5_RECORDS } from './v5';

/** Every record of the v6 database, by store, in key order. */
export const V6_RECORDS = {
  ...V5_RECORDS,
  settings: [
    {
      name: 'user',
      settings: {
        version: 1,
        ownAddresses: ['ada@analytical.example'],
        notOwnAddresses: ['office@analytical.example'],
        neverCapture: { addresses: ['spy@rival.example'], domains: ['bank.example'], sites: ['health.example'] },
        ignoreAutomatedSenders: true,
        tagCadences: { family: 14 },
        defaultCadenceDays: 90,
        passiveHistory: { linkedin: false },
      },
      updatedAt: 1_720_000_700_000,
    },
  ],
} as const;

/** Create the v6 database `name` with V6_RECORDS in it. */
export const buildV6Database = (name: string): Promise<void> => buildFrozenDatabase(name, 6, V6_RECORDS);
