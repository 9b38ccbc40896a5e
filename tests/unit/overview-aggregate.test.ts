// Kolkata is UTC+5:30: its days start at half past an hour, so only quarter-hour slots add up to them.
process.env.TZ = 'Asia/Kolkata';

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { APPLY_STORES, applyDocument } from '../../utils/services/sync/apply';
import { readDocument, toDocument, documentId } from '../../utils/services/sync/documents';
import { openTendDb } from '../../utils/db/open';
import { writeTx, type TendDatabase } from '../../utils/db/schema';
import { DEFAULT_SETTINGS, type Interaction } from '../../utils/model/records';
import { exportBackup, restoreBackup } from '../../utils/portability/backup/backup';
import { deleteEverything } from '../../utils/portability/delete-everything';
import { applyImport } from '../../utils/portability/import/apply';
import { previewImport } from '../../utils/portability/import/preview';
import { undoImport } from '../../utils/portability/import/undo';
import { vCardImportInput } from '../../utils/portability/vcard/import';
import { parseVCards } from '../../utils/portability/vcard/parse';
import { deleteInteraction, editInteraction, logInteraction, restoreInteraction } from '../../utils/services/capture/log';
import { mergeContacts, undoMerge } from '../../utils/services/merge/merge';
import { activityOf, dropActivityIndex, lastActivityLoad, saveActivityIndexNow } from '../../utils/services/overview/activity-index';
import { ACTIVITY_SNAPSHOT } from '../../utils/services/overview/activity-snapshot';
import { relationshipOverview } from '../../utils/services/overview/overview';
import { dropRoster } from '../../utils/services/people-list/roster';
import { deletePerson, undoDeletePerson } from '../../utils/services/people/delete';
import { updateContact } from '../../utils/services/people/contact-edits';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, CHARLES, DAY, freshDb, rulesWith, threadSighting } from './helpers';

const MAY_2 = Date.UTC(2025, 4, 2, 6);
const MID_MAY = Date.UTC(2025, 4, 15, 6);
const GRACE = { name: 'Grace Hopper', email: 'grace@navy.example', role: 'cc' } as const;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(MAY_2);
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * The overview as the maintained aggregate gives it, checked against the same overview from an
 * aggregate read again from the stores; the read-again aggregate is the one maintained from then on.
 * The maintained one must answer without reading every entry.
 */
async function maintainedOverview(db: TendDatabase, now = MID_MAY, { rebuilt = false } = {}) {
  lastActivityLoad.from = 'none';
  const kept = await Promise.all([relationshipOverview(db, DEFAULT_SETTINGS, 'month', now), relationshipOverview(db, DEFAULT_SETTINGS, 'year', now)]);
  expect(lastActivityLoad.from).toBe(rebuilt ? 'rebuild' : 'none');
  dropActivityIndex(db);
  dropRoster(db);
  await db.delete('snapshots', ACTIVITY_SNAPSHOT);
  const read = await Promise.all([relationshipOverview(db, DEFAULT_SETTINGS, 'month', now), relationshipOverview(db, DEFAULT_SETTINGS, 'year', now)]);
  expect(lastActivityLoad.from).toBe('rebuild');
  expect(kept).toEqual(read);
  return kept[0];
}

/** A fresh database whose aggregate is built (empty): what follows is maintained. */
async function watchedDb() {
  const db = await freshDb();
  await relationshipOverview(db, DEFAULT_SETTINGS, 'month', MID_MAY);
  return db;
}

/** Ada and Charles in a thread on 2 May, a call with Ada. */
async function twoPeople() {
  const db = await watchedDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'May', [ADA, CHARLES]), rulesWith(), Date.now());
  const [ada, charles] = [people[0]!.contactId!, people[1]!.contactId!];
  await logInteraction(db, { contactIds: [ada], kind: 'call', text: 'A call', experience: 'positive', requestId: crypto.randomUUID() }, Date.now());
  expect(await maintainedOverview(db)).toMatchObject({ peopleInTouch: 2, sightings: 2, byKind: { call: 1 } });
  return { db, ada, charles };
}

describe('the aggregate follows every kind of write', () => {
  test('a logged entry, its edit, its deletion and its undo', async () => {
    const { db, ada, charles } = await twoPeople();
    const note = await logInteraction(db, { contactIds: [charles], kind: 'note', text: 'Note', requestId: crypto.randomUUID() }, Date.now());
    expect(await maintainedOverview(db)).toMatchObject({ byKind: { note: 1, call: 1 } });
    await editInteraction(db, note.id, { text: 'A call after all', kind: 'call', experience: 'negative' }, Date.now());
    expect(await maintainedOverview(db)).toMatchObject({ byKind: { note: 0, call: 2 }, experiences: { positive: 1, negative: 1 } });
    await deleteInteraction(db, note.id, Date.now());
    expect(await maintainedOverview(db)).toMatchObject({ byKind: { call: 1 }, experiences: { negative: 0 } });
    await restoreInteraction(db, { ...note, kind: 'call' });
    expect(await maintainedOverview(db)).toMatchObject({ byKind: { call: 2 } });
    expect(ada).toBeTruthy();
  });

  test('a stage change', async () => {
    const { db, ada } = await twoPeople();
    await updateContact(db, ada, { stage: 'prospect' }, Date.now());
    vi.setSystemTime(MAY_2 + DAY);
    await updateContact(db, ada, { stage: 'won' }, Date.now());
    expect((await maintainedOverview(db)).won.map((p) => p.id)).toEqual([ada]);
  });

  test('an import that adds a note, and its undo', async () => {
    const { db, ada } = await twoPeople();
    await updateContact(db, ada, { whatMatters: 'Poetry' }, Date.now());
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ada Lovelace', `EMAIL:${ADA.email}`, 'NOTE:Met at the Royal Society', 'END:VCARD', ''].join('\r\n');
    const { candidates, rejected, warnings } = vCardImportInput(parseVCards(card));
    const { importId } = await applyImport(db, await previewImport(db, candidates, { source: 'vCard', rejected, warnings, now: Date.now() }), {
      now: Date.now(),
    });
    expect(await maintainedOverview(db)).toMatchObject({ byKind: { note: 1 } });
    await undoImport(db, importId, Date.now());
    expect(await maintainedOverview(db)).toMatchObject({ byKind: { note: 0 } });
  });

  test('delete everything (the stores cleared: read again), then a restore', async () => {
    const { db } = await twoPeople();
    const other = await openTendDb('tend-other');
    vi.setSystemTime(MAY_2 + 3 * DAY);
    await recordSighting(other, threadSighting('t9', 'Other', [GRACE]), rulesWith(), Date.now());
    const backup = JSON.parse(JSON.stringify(await exportBackup(other, DEFAULT_SETTINGS, Date.now()))) as unknown;
    await deleteEverything(db, Date.now());
    expect(await maintainedOverview(db, MID_MAY, { rebuilt: true })).toMatchObject({ peopleInTouch: 0, sightings: 0, byKind: { call: 0 } });
    await restoreBackup(db, backup);
    const overview = await maintainedOverview(db);
    expect(overview).toMatchObject({ peopleInTouch: 1, sightings: 1, byKind: { call: 0 } });
    expect(overview.activity.map((column) => column.people).slice(0, 6)).toEqual([0, 0, 0, 0, 1, 0]);
  });

  test('a restore into a used database adds what is missing', async () => {
    const { db } = await twoPeople();
    const other = await openTendDb('tend-other');
    vi.setSystemTime(MAY_2 + 3 * DAY);
    await recordSighting(other, threadSighting('t9', 'Other', [GRACE]), rulesWith(), Date.now());
    await restoreBackup(db, JSON.parse(JSON.stringify(await exportBackup(other, DEFAULT_SETTINGS, Date.now()))) as unknown);
    expect(await maintainedOverview(db)).toMatchObject({ peopleInTouch: 3, sightings: 3, byKind: { call: 1 } });
  });

  test('a merge moves entries to the person kept, and its undo moves them back', async () => {
    const { db, ada, charles } = await twoPeople();
    await logInteraction(db, { contactIds: [charles], kind: 'meeting', text: 'Lunch', requestId: crypto.randomUUID() }, Date.now());
    const { mergeId } = await mergeContacts(db, ada, charles, Date.now());
    expect(await maintainedOverview(db)).toMatchObject({ peopleInTouch: 1 });
    await undoMerge(db, mergeId, Date.now());
    expect(await maintainedOverview(db)).toMatchObject({ peopleInTouch: 2 });
  });

  test('deleting a person removes their entries, and the undo brings them back', async () => {
    const { db, charles } = await twoPeople();
    vi.setSystemTime(MAY_2 + 2 * DAY); // in a slot of its own
    await logInteraction(db, { contactIds: [charles], kind: 'meeting', text: 'Lunch', requestId: crypto.randomUUID() }, Date.now());
    await deletePerson(db, charles, { neverRecord: false }, Date.now());
    expect(await maintainedOverview(db)).toMatchObject({ peopleInTouch: 1, byKind: { meeting: 0 } });
    await undoDeletePerson(db, charles, Date.now());
    expect(await maintainedOverview(db)).toMatchObject({ peopleInTouch: 2, byKind: { meeting: 1 } });
  });

  test('entries applied by sync: a new one, then its deletion', async () => {
    const { db, charles } = await twoPeople();
    const entry: Interaction = {
      id: crypto.randomUUID(),
      contactIds: [charles],
      kind: 'message',
      at: MAY_2 + 2 * DAY,
      summary: 'From my phone',
      createdAt: MAY_2,
    };
    const apply = async (doc: unknown) => {
      const read = readDocument(doc);
      if (!read.ok) throw new Error(read.reason);
      const tx = writeTx(db, [...APPLY_STORES]);
      await applyDocument(tx, read, undefined);
      await tx.done;
    };
    await apply({ _id: documentId('entry', entry.id), ...toDocument('entry', entry, undefined, Date.now()) });
    expect(await maintainedOverview(db)).toMatchObject({ byKind: { message: 1 } });
    await apply({ _id: documentId('entry', entry.id), _deleted: true });
    expect(await maintainedOverview(db)).toMatchObject({ byKind: { message: 0 } });
  });
});

describe('after a worker start', () => {
  test('the saved aggregate is loaded and only the slots of entries written since are read again', async () => {
    const { db, ada } = await twoPeople();
    await saveActivityIndexNow(db);
    vi.setSystemTime(MAY_2 + 5 * DAY);
    await logInteraction(db, { contactIds: [ada], kind: 'note', text: 'Since the snapshot', requestId: crypto.randomUUID() }, Date.now());
    dropActivityIndex(db);
    const overview = await relationshipOverview(db, DEFAULT_SETTINGS, 'month', MID_MAY);
    expect(lastActivityLoad).toEqual({ from: 'snapshot', restated: 1 });
    expect(overview.byKind).toMatchObject({ note: 1, call: 1 });
    expect(await maintainedOverview(db)).toEqual(overview);
  });

  test('an entry deleted since the snapshot makes the start read every entry', async () => {
    const { db, ada } = await twoPeople();
    const note = await logInteraction(db, { contactIds: [ada], kind: 'note', text: 'Soon gone', requestId: crypto.randomUUID() }, Date.now());
    await saveActivityIndexNow(db);
    await deleteInteraction(db, note.id, Date.now());
    dropActivityIndex(db);
    const overview = await relationshipOverview(db, DEFAULT_SETTINGS, 'month', MID_MAY);
    expect(lastActivityLoad.from).toBe('rebuild');
    expect(overview.byKind.note).toBe(0);
  });

  test('a snapshot of another format is not used', async () => {
    const { db } = await twoPeople();
    await saveActivityIndexNow(db);
    const saved = (await db.get('snapshots', 'overview-activity'))!;
    await db.put('snapshots', { ...saved, data: { ...(saved.data as object), format: -1 } });
    dropActivityIndex(db);
    await relationshipOverview(db, DEFAULT_SETTINGS, 'month', MID_MAY);
    expect(lastActivityLoad.from).toBe('rebuild');
  });
});

describe('edges inside a slot', () => {
  test('a local midnight half past the hour splits two entries twenty minutes apart', async () => {
    const db = await watchedDb();
    const { people } = await recordSighting(db, threadSighting('t1', 'May', [ADA]), rulesWith(), Date.now());
    const ada = people[0]!.contactId!;
    // 23:50 on 4 May and 00:10 on 5 May in Kolkata: 18:20 and 18:40 UTC, one UTC hour.
    for (const at of [Date.UTC(2025, 4, 4, 18, 20), Date.UTC(2025, 4, 4, 18, 40)]) {
      vi.setSystemTime(at);
      await logInteraction(db, { contactIds: [ada], kind: 'call', text: 'Call', requestId: crypto.randomUUID() }, at);
    }
    const overview = await maintainedOverview(db);
    expect(overview.activity.slice(3, 5).map((column) => column.count)).toEqual([1, 1]);
  });

  test('"a week ago" inside a quarter hour counts the entries on each side of it', async () => {
    const db = await watchedDb();
    vi.setSystemTime(Date.UTC(2025, 3, 1));
    const { people } = await recordSighting(db, threadSighting('t1', 'April', [ADA, CHARLES]), rulesWith(), Date.now());
    const [ada, charles] = [people[0]!.contactId!, people[1]!.contactId!];
    const now = Date.UTC(2025, 4, 12, 10, 7);
    for (const [at, who] of [
      [now - 7 * DAY - 60_000, ada],
      [now - 7 * DAY + 60_000, charles],
    ] as const) {
      vi.setSystemTime(at);
      await logInteraction(db, { contactIds: [who], kind: 'call', text: 'Call', requestId: crypto.randomUUID() }, at);
    }
    vi.setSystemTime(now);
    const { lastWeek } = await maintainedOverview(db, now);
    expect(lastWeek).toMatchObject({ interactions: 1, interactionsWeekBefore: 1, peopleInTouch: 1, peopleInTouchWeekBefore: 1 });
    const summaries = await (await activityOf(db)).between(now - 7 * DAY, now + 1);
    expect(summaries[0]!.start).toBe(now - 7 * DAY);
  });
});
