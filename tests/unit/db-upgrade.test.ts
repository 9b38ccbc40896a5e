import { afterAll, expect, test } from 'vitest';
import { z } from 'zod';
import { DB_VERSION, openTendDb } from '../../utils/db/open';
import type { StoreName } from '../../utils/db/schema';
import { Contact, FollowUp, Interaction, Settings } from '../../utils/model/records';
import { ImportRecord } from '../../utils/model/import';
import { MergeRecord } from '../../utils/model/merge';
import { buildV1Database, V1_RECORDS } from './frozen-db/v1';
import { buildV2Database, V2_RECORDS } from './frozen-db/v2';
import { buildV3Database, V3_RECORDS } from './frozen-db/v3';
import { buildV4Database, V4_RECORDS } from './frozen-db/v4';
import { buildV5Database, V5_RECORDS } from './frozen-db/v5';
import { buildV6Database, V6_RECORDS } from './frozen-db/v6';
import { DraftRecordSchema } from '../../utils/model/drafts';

/** Every store and its indexes as today's schema has them. */
const STORES: Record<StoreName, string[]> = {
  changes: [],
  snapshots: [],
  drafts: ['by-updated'],
  settings: [],
  syncBases: [],
  restores: [],
  contacts: ['by-updated'],
  followUps: ['by-contact', 'by-due'],
  identities: ['by-contact'],
  imports: ['by-at'],
  interactions: ['by-at', 'by-dedupe'],
  merges: ['by-at'],
  timeline: [],
};

/** Today's schema for the records of a store, where it has one. */
const SCHEMAS: Partial<Record<StoreName, z.ZodType>> = {
  contacts: Contact,
  interactions: Interaction,
  followUps: FollowUp,
  imports: ImportRecord,
  merges: MergeRecord,
  drafts: DraftRecordSchema,
  // Stored whole (not field by field, as the worker may read it): a record must be valid as written.
  settings: z.object({ name: z.string(), settings: Settings.strict(), updatedAt: z.number() }),
};

type Records = Partial<Record<StoreName, readonly unknown[]>>;
const FROZEN: { version: number; build: (name: string) => Promise<void>; records: Records }[] = [
  {
    version: 1,
    build: buildV1Database,
    records: {
      contacts: [V1_RECORDS.contact],
      identities: [V1_RECORDS.identity],
      interactions: [V1_RECORDS.interaction],
      timeline: [V1_RECORDS.timeline],
      followUps: [V1_RECORDS.followUp],
    },
  },
  { version: 2, build: buildV2Database, records: V2_RECORDS },
  { version: 3, build: buildV3Database, records: V3_RECORDS },
  { version: 4, build: buildV4Database, records: V4_RECORDS },
  { version: 5, build: buildV5Database, records: V5_RECORDS },
  { version: 6, build: buildV6Database, records: V6_RECORDS },
];

const tally = { kept: 0, frozen: 0, versions: [] as number[] };

test.each(FROZEN)('a frozen v$version database upgrades to the current version with every record intact and valid', async ({ version, build, records }) => {
  const name = `tend-v${version}`;
  await build(name);
  const db = await openTendDb(name);
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames].sort()).toEqual(Object.keys(STORES).sort());
  for (const [store, indexes] of Object.entries(STORES) as [StoreName, string[]][]) {
    expect([...db.transaction(store).store.indexNames].sort(), store).toEqual(indexes);
    const kept = await db.getAll(store);
    tally.kept += kept.length;
    tally.frozen += records[store]?.length ?? 0;
    expect(kept, store).toEqual(records[store] ?? []);
    for (const record of kept) expect(SCHEMAS[store]?.safeParse(record).success ?? true, `${store} record valid today`).toBe(true);
  }
  // The indexes answer for the old records too (the reads Tend makes by address, thread, person).
  for (const row of records.identities as { key: string; contactId: string }[]) {
    expect(await db.getAllKeysFromIndex('identities', 'by-contact', row.contactId)).toContain(row.key);
  }
  for (const entry of records.interactions as { id: string; dedupeKey?: string }[]) {
    if (entry.dedupeKey) expect((await db.getFromIndex('interactions', 'by-dedupe', entry.dedupeKey))?.id).toBe(entry.id);
  }
  for (const followUp of records.followUps as { id: string; contactId: string }[]) {
    expect(await db.getAllKeysFromIndex('followUps', 'by-contact', followUp.contactId)).toContain(followUp.id);
  }
  db.close();
  tally.versions.push(version);
});

afterAll(() => {
  console.info(
    `trust: schema upgrade: frozen v${tally.versions.join(', v')} databases -> v${DB_VERSION}, ` +
      `${tally.kept} records kept of ${tally.frozen}, records lost = ${tally.frozen - tally.kept}`,
  );
});
