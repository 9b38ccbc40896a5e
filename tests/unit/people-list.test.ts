import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { clearAllStores } from '../../utils/db/all-stores-repo';
import type { PeopleFilters, PeopleList, PeopleSort } from '../../utils/messaging/features/people';
import { PageRequest, PageResults } from '../../utils/messaging/protocol';
import { DEFAULT_SETTINGS, type Contact, type Settings } from '../../utils/model/records';
import { logInteraction } from '../../utils/services/capture/log';
import { mergeContacts } from '../../utils/services/merge/merge';
import { updateContact } from '../../utils/services/people/contact-edits';
import { createContact } from '../../utils/services/people/people';
import { createPeopleListHandlers } from '../../utils/services/people-list/handlers';
import { listPeople, nameOrder } from '../../utils/services/people-list/list';
import { dropRoster, rosterRow } from '../../utils/services/people-list/roster';
import { updateSettings } from '../../utils/services/settings/settings';
import { DAY, freshDb } from './helpers';

const NOW = Date.UTC(2025, 5, 2, 12);

let made = 0;
/** A person created `ageDays` ago, last in touch `lastDays` ago (never when absent). */
function person(displayName: string, fields: Partial<Contact> & { lastDays?: number; ageDays?: number } = {}): Contact {
  const { lastDays, ageDays = 400, ...rest } = fields;
  made += 1;
  return {
    id: crypto.randomUUID(),
    displayName,
    identities: [{ kind: 'email', value: `p${made}@people.example` }],
    tags: [],
    createdAt: NOW - ageDays * DAY,
    updatedAt: NOW,
    ...(lastDays !== undefined && { lastInteractionAt: NOW - lastDays * DAY }),
    ...rest,
  };
}

const ADA = person('Ada Lovelace', { org: 'Analytical Engines', tags: ['Client', 'math'], stage: 'customer', cadenceDays: 10, lastDays: 12 });
const GRACE = person('grace hopper', { org: 'Navy', tags: ['client '], stage: 'active', cadenceDays: 10, lastDays: 9 });
const ITEM2 = person('Item 2', { tags: ['math'], lastDays: 1 });
const ITEM10 = person('Item 10', { stage: 'customer', cadenceDays: 30, lastDays: 2 });
const EMIL = person('Émil Zola', { lastDays: 400 });
const NEVER = person('Nadia Never', { ageDays: 3 });
const EVERYONE = [ADA, GRACE, ITEM2, ITEM10, EMIL, NEVER];

const list = (sort: PeopleSort, filters: PeopleFilters = {}, settings: Settings = DEFAULT_SETTINGS, people = EVERYONE) =>
  listPeople(people.map(rosterRow), { sort, filters }, settings, NOW, 0);
const names = (answer: PeopleList) => answer.rows.names;

describe('sorts', () => {
  test('by name: case and accents aside, numbers in number order, ties by id', () => {
    expect(names(list('name'))).toEqual(['Ada Lovelace', 'Émil Zola', 'grace hopper', 'Item 2', 'Item 10', 'Nadia Never']);
  });

  test('by last interaction: newest first, people never in touch last', () => {
    expect(names(list('recent'))).toEqual(['Item 2', 'Item 10', 'grace hopper', 'Ada Lovelace', 'Émil Zola', 'Nadia Never']);
  });

  test('by drifting: furthest past their cadence (as a share of it) first, people without a cadence last', () => {
    // Ada 12/10 days (overdue), Grace 9/10 (soon), Item 10 2/30 (on track); the rest have no cadence.
    const answer = list('drifting');
    expect(names(answer)).toEqual(['Ada Lovelace', 'grace hopper', 'Item 10', 'Émil Zola', 'Item 2', 'Nadia Never']);
    expect(answer.rows.keepInTouch).toEqual(['overdue', 'soon', 'onTrack', 'none', 'none', 'none']);
  });

  test('drifting follows the settings: a tag cadence and the default for everyone count, and the clock of a person never in touch runs from when Tend met them', () => {
    const settings = { ...DEFAULT_SETTINGS, tagCadences: { MATH: 30 }, defaultCadenceDays: 365 };
    const answer = list('drifting', {}, settings);
    // Émil 400/365 (overdue), Ada 12/10 (overdue), Grace 9/10 (soon), Nadia 3/365, Item 2 1/30 (math), Item 10 2/30.
    expect(names(answer)).toEqual(['Ada Lovelace', 'Émil Zola', 'grace hopper', 'Item 10', 'Item 2', 'Nadia Never']);
    expect(answer.rows.keepInTouch).toEqual(['overdue', 'overdue', 'soon', 'onTrack', 'onTrack', 'onTrack']);
  });
});

describe('filters and their counts', () => {
  test('the rows are parallel arrays: id, name, organisation, last interaction and keep-in-touch state of one person at one index', () => {
    const { rows, total } = list('name');
    expect(total).toBe(6);
    const at = rows.ids.indexOf(ADA.id);
    expect([rows.names[at], rows.orgs[at], rows.lastAt[at], rows.keepInTouch[at]]).toEqual(['Ada Lovelace', 'Analytical Engines', NOW - 12 * DAY, 'overdue']);
    const never = rows.ids.indexOf(NEVER.id);
    expect([rows.orgs[never], rows.lastAt[never]]).toEqual(['', null]);
  });

  test('a tag filter matches whatever the case and spaces; each tag counted once per person, most used first', () => {
    const answer = list('name', { tag: 'client' });
    expect(names(answer)).toEqual(['Ada Lovelace', 'grace hopper']);
    expect(answer.facets.tags).toEqual({
      any: 6,
      values: [
        { value: 'client', label: 'Client', count: 2 },
        { value: 'math', label: 'math', count: 2 },
      ],
    });
  });

  test('each filter counts its values among the people the other filters let through', () => {
    const answer = list('name', { tag: 'math', stage: 'customer' });
    expect(names(answer)).toEqual(['Ada Lovelace']);
    // Tags among customers (Ada, Item 10); stages among math people (Ada, Item 2); states among math customers (Ada).
    expect(answer.facets.tags.any).toBe(2);
    expect(answer.facets.tags.values).toEqual([
      { value: 'client', label: 'Client', count: 1 },
      { value: 'math', label: 'math', count: 1 },
    ]);
    expect(answer.facets.stages.any).toBe(2);
    expect(answer.facets.stages.values.filter((v) => v.count > 0)).toEqual([
      { value: 'customer', count: 1 },
      { value: 'none', count: 1 },
    ]);
    expect(answer.facets.stages.values.map((v) => v.value)).toEqual(['prospect', 'active', 'customer', 'won', 'lost', 'dormant', 'none']);
    expect(answer.facets.keepInTouch).toEqual({
      any: 1,
      values: [
        { value: 'overdue', count: 1 },
        { value: 'soon', count: 0 },
        { value: 'onTrack', count: 0 },
        { value: 'none', count: 0 },
      ],
    });
  });

  test('stage "none" and keep-in-touch states filter; a filter nobody passes answers no rows but keeps the counts', () => {
    expect(names(list('name', { stage: 'none' }))).toEqual(['Émil Zola', 'Item 2', 'Nadia Never']);
    expect(names(list('recent', { keepInTouch: 'soon' }))).toEqual(['grace hopper']);
    expect(names(list('name', { keepInTouch: 'none' }))).toEqual(['Émil Zola', 'Item 2', 'Nadia Never']);
    const nobody = list('name', { stage: 'won' });
    expect(nobody.rows).toEqual({ ids: [], names: [], orgs: [], lastAt: [], keepInTouch: [] });
    expect(nobody.facets.stages.values.find((v) => v.value === 'customer')?.count).toBe(2);
    expect(nobody.facets.keepInTouch.any).toBe(0);
  });

  test('a limit answers the first rows in order, with the count of all the filters let through and the counts whole', () => {
    const whole = list('recent');
    const first = listPeople(EVERYONE.map(rosterRow), { sort: 'recent', filters: {}, limit: 2 }, DEFAULT_SETTINGS, NOW, 0);
    expect(names(first)).toEqual(['Item 2', 'Item 10']);
    expect(first.rows.ids).toEqual(whole.rows.ids.slice(0, 2));
    expect(first.matched).toBe(6);
    expect(whole.matched).toBe(6);
    expect(first.facets).toEqual(whole.facets);
    const filtered = listPeople(EVERYONE.map(rosterRow), { sort: 'name', filters: { tag: 'math' }, limit: 1 }, DEFAULT_SETTINGS, NOW, 0);
    expect([names(filtered), filtered.matched, filtered.total]).toEqual([['Ada Lovelace'], 2, 6]);
    expect(PageRequest.safeParse({ type: 'listPeople', limit: 0 }).success).toBe(false);
  });

  test('the answer is what the protocol promises, and the request refuses filters it does not know', () => {
    expect(PageResults.listPeople.safeParse(list('drifting', { tag: 'math' })).success).toBe(true);
    expect(PageRequest.parse({ type: 'listPeople' })).toEqual({ type: 'listPeople', sort: 'name', filters: {} });
    expect(PageRequest.safeParse({ type: 'listPeople', sort: 'age' }).success).toBe(false);
    expect(PageRequest.safeParse({ type: 'listPeople', filters: { stage: 'friend' } }).success).toBe(false);
    expect(PageRequest.safeParse({ type: 'listPeople', filters: { tag: '' } }).success).toBe(false);
  });
});

describe('the roster in the worker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  async function setUp() {
    const db = await freshDb();
    const handlers = createPeopleListHandlers(Promise.resolve(db), Date.now);
    const ask = (sort: PeopleSort = 'name', filters: PeopleFilters = {}) => handlers.listPeople({ sort, filters });
    return { db, ask };
  }

  test('follows every commit: new people, edits, interactions and merges show in the next answer', async () => {
    const { db, ask } = await setUp();
    const ada = await createContact(db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, Date.now());
    expect(names(await ask())).toEqual(['Ada Lovelace']);

    const grace = await createContact(db, { displayName: 'Grace Hopper', email: 'grace@navy.example' }, Date.now());
    await updateContact(db, grace.id, { tags: ['Navy'], stage: 'active', cadenceDays: 7 }, Date.now());
    vi.setSystemTime(NOW + 8 * DAY);
    await logInteraction(db, { contactIds: [ada.id], kind: 'call', text: 'Talked engines', requestId: crypto.randomUUID() }, Date.now());
    const answer = await ask('recent');
    expect(names(answer)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(answer.rows.lastAt[0]).toBe(NOW + 8 * DAY);
    expect(answer.facets.tags.values).toEqual([{ value: 'navy', label: 'Navy', count: 1 }]);
    expect((await ask('drifting', { keepInTouch: 'overdue' })).rows.names).toEqual(['Grace Hopper']);

    // A second Ada by the same name is a possible duplicate; merged, the count goes back to 0.
    const ada2 = await createContact(db, { displayName: 'Ada Lovelace', email: 'countess@lovelace.example' }, Date.now());
    expect((await ask()).duplicates).toBe(1);
    await mergeContacts(db, ada.id, ada2.id, Date.now());
    const merged = await ask();
    expect(merged.duplicates).toBe(0);
    expect(names(merged)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  test('reads the store once, not per request: a record changed behind the commit path is not seen until the worker restarts', async () => {
    const { db, ask } = await setUp();
    const ada = await createContact(db, { displayName: 'Ada Lovelace' }, Date.now());
    expect(names(await ask())).toEqual(['Ada Lovelace']);
    // Only a test can write around writeTx (a lint rule keeps the app's code on it).
    await db.put('contacts', { ...ada, displayName: 'Augusta Ada King' });
    expect(names(await ask())).toEqual(['Ada Lovelace']);
    dropRoster(db);
    expect(names(await ask())).toEqual(['Augusta Ada King']);
  });

  test('the name order is kept between requests and placed again after a change: a rename moves the person, ties in other orders follow it', async () => {
    const { db, ask } = await setUp();
    const ada = await createContact(db, { displayName: 'Ada Lovelace' }, Date.now());
    await createContact(db, { displayName: 'Grace Hopper' }, Date.now());
    await createContact(db, { displayName: 'item 10' }, Date.now());
    await createContact(db, { displayName: 'Item 2' }, Date.now());
    expect(names(await ask())).toEqual(['Ada Lovelace', 'Grace Hopper', 'Item 2', 'item 10']);
    await updateContact(db, ada.id, { displayName: 'Zelda Fitzgerald' }, Date.now());
    expect(names(await ask())).toEqual(['Grace Hopper', 'Item 2', 'item 10', 'Zelda Fitzgerald']);
    // Nobody in touch yet: "recent" falls back to the name order.
    expect(names(await ask('recent'))).toEqual(['Grace Hopper', 'Item 2', 'item 10', 'Zelda Fitzgerald']);
  });

  test('with the worker’s name places or without them, every order answers the same', () => {
    const rows = EVERYONE.map(rosterRow);
    for (const sort of ['name', 'recent', 'drifting'] as const)
      expect(listPeople(rows, { sort, filters: {} }, DEFAULT_SETTINGS, NOW, 0, nameOrder(rows))).toEqual(list(sort));
  });

  test('settings changes (tag cadences) apply to the next answer; delete everything empties the list', async () => {
    const { db, ask } = await setUp();
    const ada = await createContact(db, { displayName: 'Ada Lovelace' }, Date.now() - 20 * DAY);
    await updateContact(db, ada.id, { tags: ['family'] }, Date.now());
    expect((await ask()).rows.keepInTouch).toEqual(['none']);
    await updateSettings(db, (current) => ({ ...current, tagCadences: { Family: 14 } }));
    expect((await ask()).rows.keepInTouch).toEqual(['overdue']);

    await clearAllStores(db);
    const empty = await ask();
    expect([empty.total, empty.rows.ids, empty.duplicates]).toEqual([0, [], 0]);
    await createContact(db, { displayName: 'Grace Hopper' }, Date.now());
    expect(names(await ask())).toEqual(['Grace Hopper']);
  });
});
