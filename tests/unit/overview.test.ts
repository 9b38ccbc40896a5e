process.env.TZ = 'Europe/Berlin';

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/model/records';
import { updateContact } from '../../utils/services/people/contact-edits';
import { logInteraction } from '../../utils/services/capture/log';
import { activityBuckets, relationshipOverview } from '../../utils/services/overview/overview';
import { parseStageChange, stageOutcome } from '../../utils/services/overview/stages';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { periodAround } from '../../utils/time/dates';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

const MID_MAY = Date.UTC(2025, 4, 15, 10);
const GRACE = { name: 'Grace Hopper', email: 'grace@navy.example', role: 'cc' } as const;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(MID_MAY);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('stage changes', () => {
  test.each([
    ['Stage: prospect → won', 'won'],
    ['Stage: customer → lost', 'lost'],
    ['Stage: prospect → active', 'grown'],
    ['Stage: active → customer', 'grown'],
    ['Stage: dormant → active', 'grown'],
    ['Stage: no stage → active', undefined], // a first stage files a person; it is not growth
    ['Stage: customer → active', undefined],
    ['Stage: active → no stage', undefined],
    ['Stage: active → dormant', undefined],
  ])('%s counts as %s', (summary, outcome) => {
    expect(stageOutcome(parseStageChange({ kind: 'stage', summary })!)).toBe(outcome);
  });

  test.each([
    [{ from: 'prospect', to: 'won' }, 'won'],
    [{ from: 'customer', to: 'lost' }, 'lost'],
    [{ from: 'prospect', to: 'active' }, 'grown'],
    [{ to: 'active' }, undefined],
    [{ from: 'active' }, undefined],
  ] as const)('recorded as data, %o counts as %s', (stage, outcome) => {
    expect(stageOutcome(parseStageChange({ kind: 'stage', summary: '', stage })!)).toBe(outcome);
  });

  test('the data is read, not the summary, when an entry has both', () => {
    expect(parseStageChange({ kind: 'stage', summary: 'Stage: prospect → won', stage: { from: 'won', to: 'lost' } })).toEqual({ from: 'won', to: 'lost' });
  });

  test('only stage entries are read as stage changes', () => {
    expect(parseStageChange({ kind: 'note', summary: 'Stage: prospect → won' })).toBeUndefined();
    expect(parseStageChange({ kind: 'note', summary: '', stage: { to: 'won' } })).toBeUndefined();
    expect(parseStageChange({ kind: 'stage', summary: 'Stage: somewhere else' })).toBeUndefined();
  });

  test('the overview counts stage changes written before they were data, beside new ones', async () => {
    const db = await freshDb();
    // Met in April; Ada became "won" in May, as an older Tend recorded it (the summary only).
    vi.setSystemTime(Date.UTC(2025, 3, 20, 10));
    const { people } = await recordSighting(db, threadSighting('t1', 'April', [ADA, CHARLES]), rulesWith(), Date.now());
    const [ada, charles] = [people[0]!.contactId!, people[1]!.contactId!];
    vi.setSystemTime(MID_MAY);
    await db.put('contacts', { ...(await db.get('contacts', ada))!, stage: 'won' });
    const old = { id: crypto.randomUUID(), contactIds: [ada], kind: 'stage' as const, at: Date.now(), createdAt: Date.now() };
    await db.put('interactions', { ...old, summary: 'Stage: prospect → won' }); // as Tend wrote it before
    await updateContact(db, charles, { stage: 'customer' }, Date.now());
    await updateContact(db, charles, { stage: 'lost' }, Date.now());
    const overview = await relationshipOverview(db, DEFAULT_SETTINGS, 'month', Date.now());
    expect(overview.won.map((p) => p.displayName)).toEqual(['Ada Lovelace']);
    expect(overview.lost.map((p) => p.displayName)).toEqual(['Charles Babbage']);
  });
});

test('activity columns: days of a month, weeks of a quarter, months of a year', () => {
  const count = (period: 'month' | 'quarter' | 'year') => {
    const { start, end } = periodAround(period, MID_MAY);
    return activityBuckets(period, start, end).length;
  };
  expect([count('month'), count('quarter'), count('year')]).toEqual([31, 13, 12]);
});

test('the overview counts what happened in the period, and who is drifting now', async () => {
  const db = await freshDb();
  // Last month: Charles met, a call logged. Not this month's.
  vi.setSystemTime(Date.UTC(2025, 3, 20, 10));
  const { people: april } = await recordSighting(db, threadSighting('t0', 'April', [CHARLES]), rulesWith(), Date.now());
  const charles = april[0]!.contactId!;
  await logInteraction(db, { contactIds: [charles], kind: 'call', text: 'April call', experience: 'negative', requestId: crypto.randomUUID() }, Date.now());
  await updateContact(db, charles, { stage: 'prospect' }, Date.now());

  vi.setSystemTime(Date.UTC(2025, 4, 2, 10));
  const { people } = await recordSighting(db, threadSighting('t1', 'May', [ADA, GRACE]), rulesWith(), Date.now());
  const [ada, grace] = [people[0]!.contactId!, people[1]!.contactId!];
  await updateContact(db, charles, { stage: 'active' }, Date.now()); // grown
  await updateContact(db, ada, { stage: 'prospect' }, Date.now()); // first stage: not growth
  await updateContact(db, ada, { stage: 'won' }, Date.now());
  await updateContact(db, grace, { stage: 'customer', cadenceDays: 7 }, Date.now());
  await updateContact(db, grace, { stage: 'lost' }, Date.now());
  const log = (ids: string[], kind: 'note' | 'call' | 'meeting', experience?: 'positive' | 'negative') =>
    logInteraction(db, { contactIds: ids, kind, text: `${kind} in May`, requestId: crypto.randomUUID(), ...(experience && { experience }) }, Date.now());
  await log([ada, charles], 'meeting', 'positive'); // one meeting with two people counts once
  await log([ada], 'note');
  vi.setSystemTime(Date.UTC(2025, 4, 3, 10));
  await log([charles], 'call', 'negative');
  await log([ada], 'call', 'positive');

  vi.setSystemTime(MID_MAY);
  const overview = await relationshipOverview(db, DEFAULT_SETTINGS, 'month', Date.now());
  expect(overview.won.map((p) => p.displayName)).toEqual(['Ada Lovelace']);
  expect(overview.lost.map((p) => p.displayName)).toEqual(['Grace Hopper']);
  expect(overview.grown.map((p) => p.displayName)).toEqual(['Charles Babbage']);
  expect(overview.newPeople).toBe(2);
  expect(overview.byKind).toEqual({ note: 1, email: 0, call: 2, meeting: 1, message: 0, other: 0 });
  expect(overview.sightings).toBe(2);
  expect(overview.experiences).toEqual({ positive: 2, neutral: 0, negative: 1 });
  expect(overview.activity).toHaveLength(31);
  expect(overview.activity.map((c) => c.count).slice(0, 4)).toEqual([0, 2, 2, 0]);
  // Grace (every 7 days) was last in touch on 2 May, in the thread: 13 days ago.
  expect(overview.drifting.map((p) => p.displayName)).toEqual(['Grace Hopper']);
  expect(overview.driftingCount).toBe(1);

  const year = await relationshipOverview(db, DEFAULT_SETTINGS, 'year', Date.now());
  expect(year.newPeople).toBe(3);
  expect(year.byKind.call).toBe(3);
  expect(year.activity.map((c) => c.count)).toEqual([0, 0, 0, 1, 4, 0, 0, 0, 0, 0, 0, 0]);
  // Over the year Charles went from not known (met in April) to active: a first stage, not growth.
  expect(year.grown).toEqual([]);
  expect(year.won.map((p) => p.displayName)).toEqual(['Ada Lovelace']);
});

test('people brought in by an import are not “new people met”; after the import is undone they are', async () => {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'May', [ADA]), rulesWith(), Date.now());
  const ada = (await db.get('contacts', people[0]!.contactId!))!;
  const record = { id: crypto.randomUUID(), at: Date.now(), createdContacts: [ada] } as never;
  await db.put('imports', record);
  expect((await relationshipOverview(db, DEFAULT_SETTINGS, 'month', Date.now())).newPeople).toBe(0);
  await db.put('imports', { ...(record as object), undoneAt: Date.now() } as never);
  expect((await relationshipOverview(db, DEFAULT_SETTINGS, 'month', Date.now())).newPeople).toBe(1);
});
