import { expect, test } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { listTimeline } from '../../utils/db/interactions-repo';
import { TendError } from '../../utils/errors';
import { addNote } from '../../utils/services/notes';
import { recordSighting } from '../../utils/services/sightings';
import { ADA, freshDb, rulesWith, threadSighting } from './helpers';

test('a note joins the history newest first and counts as the last interaction', async () => {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), rulesWith(), 1_000);
  const contactId = people[0]!.contactId!;
  await addNote(db, contactId, 'Her daughter starts school in September', 2_000);
  const history = await listTimeline(readTx(db, ['timeline', 'interactions']), contactId, 50);
  expect(history.map((h) => h.kind)).toEqual(['note', 'sighting']);
  expect(history[0]!.summary).toBe('Her daughter starts school in September');
  expect((await db.get('contacts', contactId))!.lastInteractionAt).toBe(2_000);
});

test('a note for a person who is gone fails clearly and writes nothing', async () => {
  const db = await freshDb();
  const missing = crypto.randomUUID();
  await expect(addNote(db, missing, 'hello', 1)).rejects.toEqual(new TendError('not-found', 'That person is no longer in Tend.'));
  expect(await db.count('interactions')).toBe(0);
  expect(await db.count('timeline')).toBe(0);
});

test('the timeline pages: a limit returns only the newest entries', async () => {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), rulesWith(), 0);
  const contactId = people[0]!.contactId!;
  for (let i = 1; i <= 30; i++) await addNote(db, contactId, `note ${i}`, i * 1000);
  const newest = await listTimeline(readTx(db, ['timeline', 'interactions']), contactId, 5);
  expect(newest.map((h) => h.summary)).toEqual(['note 30', 'note 29', 'note 28', 'note 27', 'note 26']);
});
