import { expect, test } from 'vitest';
import { readTx, type IdentityRecord, type TimelineLink } from '../../utils/db/schema';
import type { Contact, Interaction } from '../../utils/model/records';
import { listTimeline } from '../../utils/db/interactions-repo';
import { DB_VERSION, openTendDb } from '../../utils/db/open';
import { addIdentity, updateContact } from '../../utils/services/people/contact-edits';
import { logInteraction } from '../../utils/services/capture/log';
import { mergeContacts, undoMerge } from '../../utils/services/merge/merge';
import { recentMerges } from '../../utils/services/merge/history';
import { MergeRecord } from '../../utils/model/merge';
import { createContact } from '../../utils/services/people/people';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { searchEverything } from '../../utils/search/search';
import { buildV1Database, V1_RECORDS } from './frozen-db/v1';
import { freshDb, rulesWith, threadSighting } from './helpers';

type Db = Awaited<ReturnType<typeof freshDb>>;
const STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps'] as const;
const note = (contactIds: string[], text: string) => ({ contactIds, kind: 'note' as const, text, requestId: crypto.randomUUID() });

/** Every record of every store merge touches, for before/after comparisons. */
async function snapshot(db: Db) {
  const [contacts, identities, interactions, timeline, followUps] = await Promise.all(STORES.map((store) => db.getAll(store)));
  return {
    contacts: contacts as Contact[],
    identities: identities as IdentityRecord[],
    interactions: interactions as Interaction[],
    timeline: timeline as TimelineLink[],
    followUps,
  };
}
const timelineIds = async (db: Db, contactId: string) =>
  (await listTimeline(readTx(db, ['timeline', 'interactions']), contactId, 500)).map((entry) => entry.summary);

/** Two Grace Hoppers (two addresses, two threads, notes, one shared entry, a follow-up each). */
async function twoGraces() {
  const db = await freshDb();
  const navy = await createContact(db, { displayName: 'Grace Hopper', email: 'grace@navy.example' }, 1_000);
  const gmail = await createContact(db, { displayName: 'Grace Hopper', email: 'grace.hopper@gmail.com' }, 2_000);
  await addIdentity(db, gmail.id, 'https://github.com/ghopper', 2_500);
  await updateContact(db, navy.id, { org: 'US Navy', tags: ['cobol'] }, 3_000);
  await updateContact(db, gmail.id, { title: 'Rear Admiral', tags: ['compilers'], whatMatters: 'Nanoseconds' }, 3_500);
  await recordSighting(db, threadSighting('t1', 'COBOL committee', [{ email: 'grace@navy.example' }]), rulesWith(), 4_000);
  await logInteraction(db, note([gmail.id], 'Talked about the first bug'), 5_000);
  const shared = await logInteraction(db, note([navy.id, gmail.id], 'Both addresses on one entry'), 6_000);
  await db.put('followUps', { id: crypto.randomUUID(), contactId: gmail.id, due: 9_000, text: 'Send the nanosecond wire', done: false });
  await db.put('followUps', { id: crypto.randomUUID(), contactId: navy.id, due: 9_500, text: 'Ask about the Mark I', done: false });
  return { db, navy: navy.id, gmail: gmail.id, shared: shared.id };
}

test('merge keeps every identity, entry and follow-up of both people, under the kept one', async () => {
  const { db, navy, gmail, shared } = await twoGraces();
  const before = await snapshot(db);
  const { mergeId, contact } = await mergeContacts(db, navy, gmail, 10_000);

  expect(await db.get('contacts', gmail)).toBeUndefined();
  expect(contact).toMatchObject({
    id: navy,
    displayName: 'Grace Hopper',
    org: 'US Navy',
    title: 'Rear Admiral',
    whatMatters: 'Nanoseconds',
    tags: ['cobol', 'compilers'],
    createdAt: 1_000,
    lastInteractionAt: 6_000,
  });
  expect(contact.identities.map((i) => i.value)).toEqual(['grace@navy.example', 'grace.hopper@gmail.com', 'https://github.com/ghopper']);
  // The identity index: every identity of both now points at the kept person.
  const rows = await db.getAll('identities');
  expect(rows).toHaveLength(3);
  expect(rows.every((row) => row.contactId === navy)).toBe(true);
  // Every entry still exists, each linked once to the kept person; the shared one is not doubled.
  const entries = await db.getAll('interactions');
  expect(entries).toHaveLength(before.interactions.length);
  expect(entries.every((entry) => entry.contactIds.length === 1 && entry.contactIds[0] === navy)).toBe(true);
  expect((await db.get('interactions', shared))!.contactIds).toEqual([navy]);
  expect(await timelineIds(db, navy)).toEqual(['Both addresses on one entry', 'Talked about the first bug', 'COBOL committee']);
  expect(await timelineIds(db, gmail)).toEqual([]);
  expect((await db.getAll('timeline')).every((link) => link.contactId === navy)).toBe(true);
  expect((await db.getAll('followUps')).map((f) => f.contactId)).toEqual([navy, navy]);
  // Recorded, valid, with both people as they were.
  const record = MergeRecord.parse(await db.get('merges', mergeId));
  expect(record.keptBefore).toEqual(before.contacts.find((c) => c.id === navy));
  expect(record.mergedBefore).toEqual(before.contacts.find((c) => c.id === gmail));
  expect(record.entries.map((e) => e.id).sort()).toEqual(
    before.timeline
      .filter((l) => l.contactId === gmail)
      .map((l) => l.interactionId)
      .sort(),
  );
});

test('undo puts every record back exactly as before the merge', async () => {
  const { db, navy, gmail } = await twoGraces();
  const before = await snapshot(db);
  const { mergeId } = await mergeContacts(db, navy, gmail, 10_000);
  const { kept, restored } = await undoMerge(db, mergeId, 11_000);
  const after = await snapshot(db);
  // getAll returns rows in key order, so equal stores give equal arrays (key order inside a row aside).
  for (const store of STORES) expect(after[store], store).toEqual(before[store]);
  expect(kept).toEqual(before.contacts.find((c) => c.id === navy));
  expect(restored).toEqual(before.contacts.find((c) => c.id === gmail));
  expect((await db.get('merges', mergeId))!.undoneAt).toBe(11_000);
  await expect(undoMerge(db, mergeId, 12_000)).rejects.toMatchObject({ code: 'invalid' });
});

test('undo after later work: edits and new entries stay with the kept person, the rest goes back', async () => {
  const { db, navy, gmail } = await twoGraces();
  const { mergeId } = await mergeContacts(db, navy, gmail, 10_000);
  await updateContact(db, navy, { org: 'Remington Rand' }, 11_000);
  await logInteraction(db, note([navy], 'After the merge'), 12_000);
  const { kept, restored } = await undoMerge(db, mergeId, 13_000);
  expect(kept).toMatchObject({ org: 'Remington Rand', tags: ['cobol'], lastInteractionAt: 12_000, updatedAt: 13_000 });
  expect(kept.title).toBeUndefined();
  expect(kept.identities.map((i) => i.value)).toEqual(['grace@navy.example']);
  expect(restored.identities.map((i) => i.value)).toEqual(['grace.hopper@gmail.com', 'https://github.com/ghopper']);
  expect(await timelineIds(db, navy)).toEqual(['After the merge', 'Both addresses on one entry', 'COBOL committee']);
  expect(await timelineIds(db, gmail)).toEqual(['Both addresses on one entry', 'Talked about the first bug']);
  expect((await db.getAll('identities')).map((r) => [r.value, r.contactId === navy ? 'navy' : 'gmail']).sort()).toEqual([
    ['grace.hopper@gmail.com', 'gmail'],
    ['grace@navy.example', 'navy'],
    ['https://github.com/ghopper', 'gmail'],
  ]);
});

test('search follows a merge and its undo', async () => {
  const { db, navy, gmail } = await twoGraces();
  const limits = { people: 8, notes: 20 };
  expect((await searchEverything(db, 'grace hopper', limits)).people).toHaveLength(2);
  const { mergeId } = await mergeContacts(db, navy, gmail, 10_000);
  const merged = await searchEverything(db, 'grace hopper', limits);
  expect(merged.people.map((hit) => hit.contact.id)).toEqual([navy]);
  expect((await searchEverything(db, 'ghopper', limits)).people.map((hit) => hit.contact.id)).toEqual([navy]);
  expect((await searchEverything(db, 'first bug', limits)).notes[0]!.people).toEqual([{ id: navy, displayName: 'Grace Hopper' }]);
  await undoMerge(db, mergeId, 11_000);
  expect((await searchEverything(db, 'ghopper', limits)).people.map((hit) => hit.contact.id)).toEqual([gmail]);
  expect((await searchEverything(db, 'first bug', limits)).notes[0]!.people.map((p) => p.id)).toEqual([gmail]);
});

test('recent merges list what can still be undone, newest first', async () => {
  const { db, navy, gmail } = await twoGraces();
  const ada = await createContact(db, { displayName: 'Ada Lovelace', email: 'ada@a.example' }, 7_000);
  const byron = await createContact(db, { displayName: 'Ada Byron', email: 'ada@b.example' }, 7_500);
  const first = await mergeContacts(db, navy, gmail, 10_000);
  const second = await mergeContacts(db, ada.id, byron.id, 11_000);
  expect(await recentMerges(db, 5)).toEqual([
    { mergeId: second.mergeId, at: 11_000, keptId: ada.id, keptName: 'Ada Lovelace', mergedName: 'Ada Byron', mergedIdentities: ['ada@b.example'] },
    {
      mergeId: first.mergeId,
      at: 10_000,
      keptId: navy,
      keptName: 'Grace Hopper',
      mergedName: 'Grace Hopper',
      mergedIdentities: ['grace.hopper@gmail.com', 'https://github.com/ghopper'],
    },
  ]);
  await undoMerge(db, second.mergeId, 12_000);
  expect((await recentMerges(db, 5)).map((m) => m.mergeId)).toEqual([first.mergeId]);
  await db.delete('contacts', navy); // the kept person deleted since: nothing left to undo into
  expect(await recentMerges(db, 5)).toEqual([]);
});

test('merging a person with themselves, or someone gone, is refused and changes nothing', async () => {
  const { db, navy, gmail } = await twoGraces();
  const before = await snapshot(db);
  await expect(mergeContacts(db, navy, navy, 10_000)).rejects.toMatchObject({ code: 'invalid' });
  await expect(mergeContacts(db, navy, crypto.randomUUID(), 10_000)).rejects.toMatchObject({ code: 'not-found' });
  await expect(undoMerge(db, crypto.randomUUID(), 10_000)).rejects.toMatchObject({ code: 'not-found' });
  expect(await snapshot(db)).toEqual(before);
  expect(await db.count('merges')).toBe(0);
  expect(gmail).not.toBe(navy);
});

test('a v1 database upgrades to the current version: a merges store appears and every record is kept', async () => {
  await buildV1Database('tend-v1-merges');
  const db = await openTendDb('tend-v1-merges');
  expect(DB_VERSION).toBeGreaterThanOrEqual(3);
  expect(db.version).toBe(DB_VERSION);
  expect(db.objectStoreNames.contains('merges')).toBe(true);
  expect(db.transaction('merges').store.indexNames.contains('by-at')).toBe(true);
  expect(await db.getAll('contacts')).toEqual([V1_RECORDS.contact]);
  expect(await db.getAll('interactions')).toEqual([V1_RECORDS.interaction]);
  expect(await db.getAll('merges')).toEqual([]);
  expect(await db.getAll('followUps')).toEqual([V1_RECORDS.followUp]);
});
