process.env.TZ = 'Europe/Berlin';

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Contact, type Interaction } from '../../utils/model/records';
import { logInteraction } from '../../utils/services/capture/log';
import { relationshipOverview } from '../../utils/services/overview/overview';
import { outcomeBetween, stageBefore, type StageHistory } from '../../utils/services/overview/stage-at';
import { updateContact } from '../../utils/services/people/contact-edits';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { periodAround } from '../../utils/time/dates';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

const at = (month: number, day: number) => new Date(2025, month - 1, day, 12).getTime();
const MONTH = (month: number) => periodAround('month', at(month, 15));

describe('the stage a person had at a date', () => {
  // Met in January as a prospect; active on 10 February; won on 5 March.
  const grown: StageHistory = {
    contact: { stage: 'won', createdAt: at(1, 5) },
    changes: [
      { from: undefined, to: 'prospect', at: at(1, 5) },
      { from: 'prospect', to: 'active', at: at(2, 10) },
      { from: 'active', to: 'won', at: at(3, 5) },
    ],
  };
  // Restored from a backup (or imported) already won, created 10 March, with no change recorded.
  const restored: StageHistory = { contact: { stage: 'won', createdAt: at(3, 10) }, changes: [] };

  test.each([
    ['before they existed', grown, at(1, 1), undefined],
    ['on the day they were first filed, before it', grown, at(1, 5), undefined],
    ['after the first stage', grown, at(2, 1), 'prospect'],
    ['at the moment of a change, the stage before it', grown, at(2, 10), 'prospect'],
    ['after a change', grown, at(2, 11), 'active'],
    ['after the last change: the stage now', grown, at(4, 1), 'won'],
    ['a restored person, before their date', restored, at(3, 1), undefined],
    ['a restored person, after their date', restored, at(3, 11), 'won'],
  ] as const)('%s', (_, history, when, stage) => {
    expect(stageBefore(history, when)).toBe(stage);
  });

  test.each([
    ['January: first filed as a prospect is not growth', grown, 1, undefined],
    ['February: prospect to active is growth', grown, 2, 'grown'],
    ['March: active to won', grown, 3, 'won'],
    ['April: won all month is nothing new', grown, 4, undefined],
    ['a restored "won" person counts in the month of their date', restored, 3, 'won'],
    ['and in no later month', restored, 4, undefined],
    ['nor any earlier one', restored, 2, undefined],
  ] as const)('%s', (_, history, month, outcome) => {
    const { start, end } = MONTH(month);
    expect(outcomeBetween(history, start, end)).toBe(outcome);
  });

  test('won, lost and won again inside one period is no outcome; the net change over a longer one is', () => {
    const history: StageHistory = {
      contact: { stage: 'won', createdAt: at(1, 1) },
      changes: [
        { from: 'customer', to: 'won', at: at(5, 2) },
        { from: 'won', to: 'lost', at: at(5, 10) },
        { from: 'lost', to: 'won', at: at(5, 20) },
      ],
    };
    const may = MONTH(5);
    expect(outcomeBetween(history, at(5, 3), may.end)).toBeUndefined(); // won at both ends
    expect(outcomeBetween(history, may.start, may.end)).toBe('won'); // customer at the start
    expect(outcomeBetween(history, at(5, 11), at(5, 19))).toBeUndefined(); // lost all along
    expect(outcomeBetween(history, at(5, 3), at(5, 15))).toBe('lost');
  });
});

describe('the overview, from the database', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  /** A person as a restored backup writes them: their own dates, their stage, no change entry. */
  const restoredPerson = (name: string, createdAt: number, stage: Contact['stage']): Contact => ({
    id: crypto.randomUUID(),
    displayName: name,
    identities: [],
    tags: [],
    stage,
    createdAt,
    updatedAt: createdAt,
  });

  test('an imported or restored "won" person counts where their date says, and a stage entry where its date says', async () => {
    const db = await freshDb();
    await db.put('contacts', restoredPerson('Restored Won', at(3, 10), 'won'));
    // Restored with their history: won on 3 February (a stage entry from the backup), created in January.
    const withHistory = restoredPerson('Won In February', at(1, 20), 'won');
    await db.put('contacts', withHistory);
    const entry: Interaction = {
      id: crypto.randomUUID(),
      contactIds: [withHistory.id],
      kind: 'stage',
      at: at(2, 3),
      summary: 'Stage: prospect → won',
      stage: { from: 'prospect', to: 'won' },
      createdAt: at(2, 3),
    };
    await db.put('interactions', entry);

    const won = async (now: number) => (await relationshipOverview(db, DEFAULT_SETTINGS, 'month', now)).won.map((p) => p.displayName);
    vi.setSystemTime(at(5, 15));
    expect(await won(at(2, 15))).toEqual(['Won In February']);
    expect(await won(at(3, 15))).toEqual(['Restored Won']);
    expect(await won(at(5, 15))).toEqual([]);
    expect((await relationshipOverview(db, DEFAULT_SETTINGS, 'quarter', at(2, 15))).won.map((p) => p.displayName).sort()).toEqual([
      'Restored Won',
      'Won In February',
    ]);
  });

  test('people and interactions per column, and the last week against the week before', async () => {
    const db = await freshDb();
    vi.setSystemTime(at(5, 2));
    const { people } = await recordSighting(db, threadSighting('t1', 'May', [ADA, CHARLES]), rulesWith(), Date.now());
    const [ada, charles] = [people[0]!.contactId!, people[1]!.contactId!];
    const log = (ids: string[]) => logInteraction(db, { contactIds: ids, kind: 'call', text: 'A call', requestId: crypto.randomUUID() }, Date.now());
    await log([ada]);
    vi.setSystemTime(at(5, 12));
    await log([ada, charles]);
    await log([ada]);
    await updateContact(db, charles, { stage: 'prospect' }, Date.now());
    vi.setSystemTime(at(5, 20));
    await updateContact(db, charles, { stage: 'won' }, Date.now());
    await log([charles]);

    const overview = await relationshipOverview(db, DEFAULT_SETTINGS, 'month', at(5, 21));
    // 2 May: the thread (both people) and a call; 12 May: two calls with two people; 20 May: one call.
    expect(overview.activity.slice(0, 21).flatMap((c, i) => (c.count || c.people ? [[i + 1, c.count, c.people]] : []))).toEqual([
      [2, 1, 2],
      [12, 2, 2],
      [20, 1, 1],
    ]);
    expect(overview.peopleInTouch).toBe(2);
    // Since 14 May against 7 to 14 May: Charles won this week (he was a prospect a week ago).
    expect(overview.lastWeek).toMatchObject({
      interactions: 1,
      interactionsWeekBefore: 2,
      peopleInTouch: 1,
      peopleInTouchWeekBefore: 2,
      newPeople: 0,
      won: [{ id: charles, displayName: 'Charles Babbage' }],
      lost: [],
      grown: [],
    });
  });
});
