import { expect, test } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { listTimeline } from '../../utils/db/interactions-repo';
import { TendError } from '../../utils/errors';
import { deleteInteraction, logInteraction } from '../../utils/services/capture/log';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

async function twoPeople() {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA, CHARLES]), rulesWith(), 1_000);
  return { db, ada: people[0]!.contactId!, charles: people[1]!.contactId! };
}
const timelineOf = async (db: Awaited<ReturnType<typeof freshDb>>, id: string) => listTimeline(readTx(db, ['timeline', 'interactions']), id, 50);
const note = (contactIds: string[], text: string) => ({ contactIds, kind: 'note' as const, text, requestId: crypto.randomUUID() });

test('a note joins the history newest first and counts as the last interaction', async () => {
  const { db, ada } = await twoPeople();
  await logInteraction(db, note([ada], 'Her daughter starts school in September'), 2_000);
  const history = await timelineOf(db, ada);
  expect(history.map((h) => [h.kind, h.summary])).toEqual([
    ['note', 'Her daughter starts school in September'],
    ['sighting', 'Plan'],
  ]);
  expect((await db.get('contacts', ada))!.lastInteractionAt).toBe(2_000);
});

test('one entry logged to two people appears on both timelines', async () => {
  const { db, ada, charles } = await twoPeople();
  const entry = await logInteraction(db, { ...note([ada, charles], 'Lunch'), kind: 'meeting', experience: 'positive' }, 2_000);
  expect((await timelineOf(db, ada))[0]).toEqual(entry);
  expect((await timelineOf(db, charles))[0]).toEqual(entry);
  expect(await db.count('interactions')).toBe(3);
});

test('the same request logged twice (double click, retry) is stored once', async () => {
  const { db, ada } = await twoPeople();
  const request = note([ada], 'Once only');
  const first = await logInteraction(db, request, 2_000);
  const second = await logInteraction(db, request, 3_000);
  expect(second).toEqual(first);
  expect((await timelineOf(db, ada)).filter((h) => h.kind === 'note')).toHaveLength(1);
});

test('a log for a person who is gone fails clearly and writes nothing', async () => {
  const { db, ada } = await twoPeople();
  await expect(logInteraction(db, note([ada, crypto.randomUUID()], 'hello'), 2_000)).rejects.toBeInstanceOf(TendError);
  expect(await db.count('interactions')).toBe(2);
  expect((await db.get('contacts', ada))!.lastInteractionAt).toBe(1_000);
});

test('delete (undo) removes the entry from every timeline and restores the last interaction', async () => {
  const { db, ada, charles } = await twoPeople();
  const entry = await logInteraction(db, note([ada, charles], 'Oops'), 5_000);
  await deleteInteraction(db, entry.id, 6_000);
  expect((await timelineOf(db, ada)).map((h) => h.kind)).toEqual(['sighting']);
  expect((await timelineOf(db, charles)).map((h) => h.kind)).toEqual(['sighting']);
  expect((await db.get('contacts', ada))!.lastInteractionAt).toBe(1_000);
  expect(await deleteInteraction(db, entry.id, 7_000)).toBeUndefined();
});

test('sightings cannot be deleted as if they were notes', async () => {
  const { db, ada } = await twoPeople();
  const [sighting] = await timelineOf(db, ada);
  await expect(deleteInteraction(db, sighting!.id, 2_000)).rejects.toMatchObject({ code: 'forbidden' });
  expect(await db.count('interactions')).toBe(2);
});

test('the timeline pages: a limit returns only the newest entries', async () => {
  const { db, ada } = await twoPeople();
  for (let i = 1; i <= 30; i++) await logInteraction(db, note([ada], `note ${i}`), 1_000 + i * 1000);
  const newest = await listTimeline(readTx(db, ['timeline', 'interactions']), ada, 5);
  expect(newest.map((h) => h.summary)).toEqual(['note 30', 'note 29', 'note 28', 'note 27', 'note 26']);
});
