import { afterEach, expect, test, vi } from 'vitest';
import { putFollowUp } from '../../utils/db/followups-repo';
import { writeTx } from '../../utils/db/schema';
import { newId } from '../../utils/ids';
import type { FollowUp } from '../../utils/model/records';
import { readFollowUpState } from '../../utils/services/followups/alarms-sync';
import { createContact } from '../../utils/services/people/people';
import { DAY, freshDb } from './helpers';

const NOW = Date.UTC(2026, 11, 6, 12);

afterEach(() => vi.restoreAllMocks());

test('the reminders’ resync at worker start looks up the people of open follow-ups only, never every person', async () => {
  const db = await freshDb();
  const ada = await createContact(db, { displayName: 'Ada Lovelace' }, NOW);
  const grace = await createContact(db, { displayName: 'Grace Hopper' }, NOW);
  const bystander = await createContact(db, { displayName: 'Someone Else' }, NOW);
  const gone = newId(NOW); // a follow-up whose person was deleted since
  const followUp = (contactId: string, done: boolean): FollowUp => ({ id: newId(NOW), contactId, due: NOW - DAY, text: 'Call back', done });
  const tx = writeTx(db, ['followUps']);
  for (const f of [followUp(ada.id, false), followUp(ada.id, false), followUp(grace.id, true), followUp(gone, false)]) await putFollowUp(tx, f);
  await tx.done;

  const everyKey = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
  const oneKey = vi.spyOn(IDBObjectStore.prototype, 'getKey');
  const { followUps, contactExists } = await readFollowUpState(db);
  expect(followUps).toHaveLength(4);
  expect([contactExists(ada.id), contactExists(gone)]).toEqual([true, false]);
  // Only the people of open follow-ups are asked about, each once: not the done one's, not a bystander's.
  expect(everyKey).not.toHaveBeenCalled();
  expect(oneKey.mock.calls.map(([id]) => id).sort()).toEqual([ada.id, gone].sort());
  expect([contactExists(grace.id), contactExists(bystander.id)]).toEqual([false, false]);
});
