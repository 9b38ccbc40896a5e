import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRouter } from '../../utils/messaging/router';
import type { Contact } from '../../utils/model/records';
import { DEFAULT_SETTINGS } from '../../utils/model/records';
import { cadenceOf, cadenceStatus } from '../../utils/services/followups/cadence';
import { updateContact } from '../../utils/services/people/contact-edits';
import { createFollowUpHandlers } from '../../utils/services/followups/handlers';
import { createHandlers } from '../../utils/services/handlers';
import { logInteraction } from '../../utils/services/capture/log';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { updateSettings } from '../../utils/services/settings/settings';
import { ADA, CHARLES, DAY, freshDb, rulesWith, threadSighting } from './helpers';

const T0 = Date.UTC(2025, 2, 3, 12); // a Monday, noon UTC
const ID = 'tend-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPanel = { id: ID, url: `${ORIGIN}sidepanel.html` } as Browser.runtime.MessageSender;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Ada and Charles met in one thread at T0; the handlers as the background runs them. */
async function metInAThread() {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA, CHARLES]), rulesWith(), Date.now());
  const handlers = createFollowUpHandlers(Promise.resolve(db), Date.now);
  const state = async (id: string) => (await handlers.getCadences({ type: 'getCadences', contactIds: [id] }))[id];
  const drifting = async () => (await handlers.listDrifting({ type: 'listDrifting', limit: 100 })).map((p) => p.displayName);
  return { db, ada: people[0]!.contactId!, charles: people[1]!.contactId!, handlers, state, drifting };
}

describe('cadence state machine', () => {
  test('green, amber from 80% of the cadence, red past it; a logged note resets the clock', async () => {
    const { db, ada, state, drifting } = await metInAThread();
    await updateContact(db, ada, { cadenceDays: 10 }, Date.now());
    expect(await state(ada)).toMatchObject({ level: 'green', days: 10, source: 'person', since: T0 });

    vi.setSystemTime(T0 + 7.9 * DAY);
    expect((await state(ada))?.level).toBe('green');
    vi.setSystemTime(T0 + 8 * DAY);
    expect((await state(ada))?.level).toBe('amber');
    vi.setSystemTime(T0 + 10 * DAY);
    expect(await state(ada)).toMatchObject({ level: 'red', overdueDays: 0 });
    vi.setSystemTime(T0 + 13 * DAY + 1000);
    expect(await state(ada)).toMatchObject({ level: 'red', overdueDays: 3 });
    expect(await drifting()).toEqual(['Ada Lovelace']);

    await logInteraction(db, { contactIds: [ada], kind: 'note', text: 'Caught up over coffee', requestId: crypto.randomUUID() }, Date.now());
    expect(await state(ada)).toMatchObject({ level: 'green', since: Date.now() });
    expect(await drifting()).toEqual([]);
  });

  test('a sighting in a mail thread resets the clock, for a recipient as much as the sender', async () => {
    const { db, ada, charles, state } = await metInAThread();
    await updateContact(db, ada, { cadenceDays: 10 }, Date.now());
    await updateContact(db, charles, { cadenceDays: 10 }, Date.now());
    vi.setSystemTime(T0 + 12 * DAY);
    expect((await state(ada))?.level).toBe('red');
    expect((await state(charles))?.level).toBe('red');

    // Charles is only addressed (To) in the new thread; Ada wrote it.
    await recordSighting(db, threadSighting('t2', 'Next steps', [ADA, CHARLES]), rulesWith(), Date.now());
    expect(await state(ada)).toMatchObject({ level: 'green', since: T0 + 12 * DAY });
    expect(await state(charles)).toMatchObject({ level: 'green', since: T0 + 12 * DAY });
  });

  test('editing a person (a stage change) is not an interaction: the clock keeps running', async () => {
    const { db, ada, state } = await metInAThread();
    await updateContact(db, ada, { cadenceDays: 10 }, Date.now());
    vi.setSystemTime(T0 + 11 * DAY);
    await updateContact(db, ada, { stage: 'active', whatMatters: 'Her engine' }, Date.now());
    expect(await state(ada)).toMatchObject({ level: 'red', since: T0 });
  });

  test('without any cadence a person has no state and never drifts', async () => {
    const { ada, state, drifting } = await metInAThread();
    vi.setSystemTime(T0 + 400 * DAY);
    expect(await state(ada)).toBeUndefined();
    expect(await drifting()).toEqual([]);
  });

  test('drifting is sorted by how far past their cadence people are, as a share of it', async () => {
    const { db, ada, charles, drifting } = await metInAThread();
    await updateContact(db, ada, { cadenceDays: 30 }, Date.now()); // 40 days: 133%
    await updateContact(db, charles, { cadenceDays: 10 }, Date.now()); // 40 days: 400%
    vi.setSystemTime(T0 + 40 * DAY);
    expect(await drifting()).toEqual(['Charles Babbage', 'Ada Lovelace']);
  });
});

describe('tag defaults and the person’s own cadence', () => {
  const contact = (overrides: Partial<Contact>): Contact => ({
    id: crypto.randomUUID(),
    displayName: 'Someone',
    identities: [],
    tags: [],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  });
  const settings = { ...DEFAULT_SETTINGS, tagCadences: { Family: 7, work: 30 }, defaultCadenceDays: 90 };

  test.each([
    ['their own cadence wins over their tags', { cadenceDays: 60, tags: ['family'] }, { days: 60, source: 'person' }],
    ['the shortest of their tags’ cadences (tags match in any case)', { tags: ['Work', 'FAMILY'] }, { days: 7, source: 'tag', tag: 'FAMILY' }],
    ['a tag without a cadence falls through to the default', { tags: ['chess'] }, { days: 90, source: 'default' }],
    ['no tags: the default for everyone', {}, { days: 90, source: 'default' }],
  ])('%s', (_case, overrides, expected) => {
    expect(cadenceOf(contact(overrides), settings)).toEqual(expected);
  });

  test('no default and no matching tag: no cadence', () => {
    expect(cadenceOf(contact({ tags: ['chess'] }), { ...settings, defaultCadenceDays: null })).toBeUndefined();
  });

  test('never met since being added: the clock runs from when Tend first met them', () => {
    const status = cadenceStatus(contact({ tags: ['family'], createdAt: T0 - 8 * DAY }), settings, T0);
    expect(status).toMatchObject({ level: 'red', since: T0 - 8 * DAY, overdueDays: 1 });
  });

  test('tag cadences and the default are set through the background, and a person’s card follows them', async () => {
    const { db, ada, state } = await metInAThread();
    const route = createRouter(createHandlers(Promise.resolve(db), Date.now), { extensionId: ID, extensionOrigin: ORIGIN });
    await updateContact(db, ada, { tags: ['family'] }, Date.now());
    expect(await route({ type: 'updateSettings', patch: { tagCadences: { family: 14 }, defaultCadenceDays: 60 } }, fromPanel)).toMatchObject({ ok: true });
    expect(await state(ada)).toMatchObject({ days: 14, source: 'tag', tag: 'family' });

    await route({ type: 'updateSettings', patch: { tagCadences: {} } }, fromPanel);
    expect(await state(ada)).toMatchObject({ days: 60, source: 'default' });
    const cleared = await route({ type: 'updateSettings', patch: { defaultCadenceDays: null } }, fromPanel);
    expect(cleared).toMatchObject({ ok: true });
    expect(await state(ada)).toBeUndefined();

    await updateContact(db, ada, { cadenceDays: 5 }, Date.now());
    expect(await state(ada)).toMatchObject({ days: 5, source: 'person' });
  });

  test('invalid cadences are refused at the boundary and change nothing', async () => {
    const db = freshDb();
    const route = createRouter(createHandlers(db, Date.now), { extensionId: ID, extensionOrigin: ORIGIN });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await updateSettings(await db, (s) => ({ ...s, tagCadences: { family: 7 } }));
    for (const patch of [{ tagCadences: { family: 0 } }, { tagCadences: { '': 7 } }, { defaultCadenceDays: 1.5 }, { defaultCadenceDays: 99_999 }]) {
      expect(await route({ type: 'updateSettings', patch }, fromPanel)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    const stored = (await createHandlers(freshDb(), Date.now).page.updateSettings({ type: 'updateSettings', patch: {} })) as { tagCadences: object };
    expect(stored.tagCadences).toEqual({ family: 7 });
  });
});
