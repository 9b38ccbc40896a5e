import { expect, test } from 'vitest';
import { DB_VERSION, openTendDb } from '../../utils/db/open';
import { Contact, FollowUp, Interaction } from '../../utils/model';
import { buildV1Database, V1_RECORDS } from './frozen-db/v1';

test('a v1 database upgrades to the current version with every record intact and valid', async () => {
  await buildV1Database('tend-v1');
  const db = await openTendDb('tend-v1');
  expect(db.version).toBe(DB_VERSION);
  expect([...db.objectStoreNames].sort()).toEqual(['contacts', 'followUps', 'identities', 'imports', 'interactions', 'merges', 'timeline']);
  expect(await db.getAll('contacts')).toEqual([V1_RECORDS.contact]);
  expect(await db.getAll('identities')).toEqual([V1_RECORDS.identity]);
  expect(await db.getAll('interactions')).toEqual([V1_RECORDS.interaction]);
  expect(await db.getAll('timeline')).toEqual([V1_RECORDS.timeline]);
  expect(await db.getAll('followUps')).toEqual([V1_RECORDS.followUp]);
  // Old records still satisfy today's schemas.
  expect(Contact.safeParse(V1_RECORDS.contact).success).toBe(true);
  expect(Interaction.safeParse(V1_RECORDS.interaction).success).toBe(true);
  expect(FollowUp.safeParse(V1_RECORDS.followUp).success).toBe(true);
  expect(await db.getAll('imports')).toEqual([]);
  expect(db.transaction('imports').store.indexNames.contains('by-at')).toBe(true);
  const records = (await Promise.all((['contacts', 'identities', 'interactions', 'timeline', 'followUps'] as const).map((store) => db.count(store)))).reduce((a, b) => a + b, 0);
  console.info(`trust: schema upgrade: frozen v1 database -> v${DB_VERSION}, ${records} records kept of 5, records lost = ${5 - records}`);
});
