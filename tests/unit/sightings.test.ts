import { describe, expect, test } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { listTimeline } from '../../utils/db/interactions-repo';
import { recordSighting } from '../../utils/services/sightings/sightings';
import type { SightingMessage } from '../../utils/messaging/protocol';
import { ADA, CHARLES, DAY, freshDb, rulesWith, threadSighting } from './helpers';

const NOON = new Date(2026, 10, 23, 12, 0).getTime();
const none = rulesWith();

async function everything(db: Awaited<ReturnType<typeof freshDb>>) {
  return { contacts: await db.getAll('contacts'), interactions: await db.getAll('interactions') };
}

describe('recordSighting', () => {
  test('the same person in two threads is one contact with two history entries', async () => {
    const db = await freshDb();
    await recordSighting(db, threadSighting('t1', 'Quarterly plan', [ADA, CHARLES]), none, NOON);
    await recordSighting(db, threadSighting('t2', 'Launch window', [{ ...ADA, email: 'ADA@Analytical.example' }]), none, NOON + 1000);
    const { contacts } = await everything(db);
    expect(contacts.map((c) => c.displayName).sort()).toEqual(['Ada Lovelace', 'Charles Babbage']);
    const ada = contacts.find((c) => c.displayName === 'Ada Lovelace')!;
    const history = await listTimeline(readTx(db, ['timeline', 'interactions']), ada.id, 50);
    expect(history.map((h) => [h.kind, h.summary])).toEqual([
      ['sighting', 'Launch window'],
      ['sighting', 'Quarterly plan'],
    ]);
    expect(history[0]!.source).toEqual({ url: 'https://mail.google.com/mail/u/0/#inbox/t2', title: 'Launch window', site: 'gmail' });
    expect(ada.lastInteractionAt).toBe(NOON + 1000);
  });

  test('a thread seen again the same day is recorded once; the next day again', async () => {
    const db = await freshDb();
    const sighting = threadSighting('t1', 'Quarterly plan', [ADA]);
    await recordSighting(db, sighting, none, NOON);
    const again = await recordSighting(db, sighting, none, NOON + 60_000);
    expect(again.changedContactIds).toEqual([]);
    expect((await everything(db)).interactions).toHaveLength(1);
    await recordSighting(db, sighting, none, NOON + DAY);
    expect((await everything(db)).interactions).toHaveLength(2);
  });

  test("the user's own addresses and invalid addresses never become contacts", async () => {
    const db = await freshDb();
    const outcome = await recordSighting(
      db,
      threadSighting('t1', 'Hello', [ADA, { email: 'me@example.com', name: 'me' }, { email: 'not an address' }]),
      rulesWith({ ownAddresses: ['me@example.com'] }),
      NOON,
    );
    expect(outcome.people.map((p) => p.email)).toEqual(['ada@analytical.example']);
    expect((await everything(db)).contacts).toHaveLength(1);
  });

  test('a person first seen without a name gets their name when a page shows it', async () => {
    const db = await freshDb();
    await recordSighting(db, threadSighting('t1', 'A', [{ email: ADA.email }]), none, NOON);
    expect((await everything(db)).contacts[0]!.displayName).toBe(ADA.email);
    await recordSighting(db, threadSighting('t1', 'A', [ADA]), none, NOON + 1);
    expect((await everything(db)).contacts[0]!.displayName).toBe('Ada Lovelace');
  });

  test('a page that is not a thread lists its people without adding history', async () => {
    const db = await freshDb();
    const outcome = await recordSighting(db, { ...threadSighting('x', 'x', [ADA]), thread: undefined }, none, NOON);
    expect(outcome.people).toHaveLength(1);
    expect((await everything(db)).interactions).toEqual([]);
  });

  test('an address and a profile URL shown for one person link to one contact', async () => {
    const db = await freshDb();
    await recordSighting(db, threadSighting('t1', 'A', [ADA]), none, NOON);
    const profile = { name: 'Ada Lovelace', email: ADA.email, profileUrl: 'https://www.github.com/AdaL?tab=repos', role: 'profile' as const };
    await recordSighting(db, { ...threadSighting('x', 'x', [profile]), thread: undefined }, none, NOON + 1);
    const later = await recordSighting(db, { ...threadSighting('y', 'y', [{ profileUrl: 'https://github.com/adal' }]), thread: undefined }, none, NOON + 2);
    const { contacts } = await everything(db);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.identities).toEqual([
      { kind: 'email', value: 'ada@analytical.example' },
      { kind: 'url', value: 'https://github.com/adal' },
    ]);
    expect(later.people).toEqual([{ contactId: contacts[0]!.id, displayName: 'Ada Lovelace', profileUrl: 'https://github.com/adal', newToday: true }]);
  });

  test('candidates of one card are one contact with every address and the profile URL', async () => {
    const db = await freshDb();
    const card = [
      { name: 'Jane Roe', email: 'jane@roe.example', profileUrl: 'https://roe.example', role: 'mention' as const, card: 2 },
      { name: 'Jane Roe', email: 'Jane.Roe@Foundation.example', role: 'mention' as const, card: 2 },
      { name: 'Omar Haddad', email: 'omar@haddad.example', role: 'mention' as const, card: 3 },
    ];
    const outcome = await recordSighting(db, threadSighting('x', 'x', card), none, NOON);
    const { contacts } = await everything(db);
    expect(contacts.map((c) => [c.displayName, c.identities.map((i) => i.value)])).toEqual([
      ['Jane Roe', ['jane@roe.example', 'jane.roe@foundation.example', 'https://roe.example']],
      ['Omar Haddad', ['omar@haddad.example']],
    ]);
    expect(outcome.people.map((p) => p.displayName)).toEqual(['Jane Roe', 'Omar Haddad']);
  });

  test('people shown by name only are listed as unconfirmed and never stored', async () => {
    const db = await freshDb();
    const outcome = await recordSighting(db, threadSighting('t1', 'A', [ADA, { name: 'Bob Jones' }, { name: 'Ada Lovelace' }]), none, NOON);
    expect(outcome.people.map((p) => [p.displayName, p.contactId === undefined])).toEqual([
      ['Ada Lovelace', false],
      ['Bob Jones', true],
    ]);
    expect((await everything(db)).contacts).toHaveLength(1);
  });

  test('never-capture addresses, domains and sites, and automated senders, are not kept', async () => {
    const db = await freshDb();
    const rules = rulesWith({ neverCapture: { addresses: ['Charles@Engine.example'], domains: ['secret.example'], sites: ['private.example'] } });
    const outcome = await recordSighting(
      db,
      threadSighting('t1', 'A', [
        ADA,
        CHARLES,
        { email: 'x@mail.secret.example' },
        { email: 'no-reply@shop.example' },
        { email: 'notifications+abc@github.example' },
      ]),
      rules,
      NOON,
    );
    expect(outcome.people.map((p) => p.email)).toEqual(['ada@analytical.example']);
    const onPrivateSite = { ...threadSighting('t2', 'B', [ADA]), page: { url: 'https://www.private.example/team', title: 'Team' } };
    expect((await recordSighting(db, onPrivateSite, rules, NOON)).people).toEqual([]);
    expect((await everything(db)).contacts).toHaveLength(1);
    const withAutomated = await recordSighting(
      db,
      threadSighting('t3', 'C', [{ email: 'noreply@shop.example' }]),
      rulesWith({ ignoreAutomatedSenders: false }),
      NOON,
    );
    // Kept, but as a mailbox: a noreply@ sender is not a person and is not saved.
    expect(withAutomated.people).toEqual([]);
    expect(withAutomated.mailboxes).toEqual([{ displayName: 'noreply@shop.example', email: 'noreply@shop.example', mailbox: 'role' }]);
    expect((await everything(db)).contacts).toHaveLength(1);
  });
});

const webPage = (people: SightingMessage['people'], url = 'https://example.org/team'): SightingMessage => ({
  type: 'sighting',
  site: 'web',
  page: { url, title: 'Our team' },
  people,
  self: [],
});
const forty = Array.from({ length: 40 }, (_, i) => ({ name: `Person ${i}`, email: `person${i}@team.example`, role: 'mention' as const }));

describe('save or list', () => {
  test('a page other than mail and profiles lists its forty people and saves none', async () => {
    const db = await freshDb();
    const outcome = await recordSighting(db, webPage(forty), none, NOON);
    expect(outcome.people).toHaveLength(40);
    expect(outcome.people.every((p) => p.contactId === undefined && p.email)).toBe(true);
    expect(outcome.people[3]).toEqual({ displayName: 'Person 3', email: 'person3@team.example' });
    expect(outcome.changedContactIds).toEqual([]);
    expect(await everything(db)).toEqual({ contacts: [], interactions: [] });
  });

  test('a person the user already knows is listed as saved, with one "seen" entry per page per day', async () => {
    const db = await freshDb();
    await recordSighting(db, threadSighting('t1', 'Plan', [{ ...forty[5]! }]), none, NOON);
    const before = (await everything(db)).interactions.length;
    const outcome = await recordSighting(db, webPage(forty), none, NOON + 1000);
    expect(outcome.people.filter((p) => p.contactId).map((p) => p.displayName)).toEqual(['Person 5']);
    await recordSighting(db, webPage(forty), none, NOON + 2000);
    const { contacts, interactions } = await everything(db);
    expect(contacts).toHaveLength(1);
    expect(interactions.length - before).toBe(1);
    expect(interactions.at(-1)).toMatchObject({ kind: 'sighting', summary: 'Our team', source: { url: 'https://example.org/team', site: 'web' } });
  });

  test("with the site's automatic history off, a known person is listed and nothing is recorded", async () => {
    const db = await freshDb();
    await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), none, NOON);
    const outcome = await recordSighting(db, webPage([ADA]), rulesWith({ passiveHistory: { web: false } }), NOON + 1000);
    expect(outcome.people[0]?.contactId).toEqual(expect.any(String));
    expect((await everything(db)).interactions).toHaveLength(1);
  });

  test('mail threads and profile pages still save new people', async () => {
    const db = await freshDb();
    await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), none, NOON);
    const profile = { ...webPage([{ name: 'Grace Hopper', profileUrl: 'https://github.com/grace', role: 'profile' as const }]), site: 'github' };
    expect((await recordSighting(db, profile, none, NOON)).people[0]?.contactId).toEqual(expect.any(String));
    expect((await everything(db)).contacts.map((c) => c.displayName).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  test('role addresses and lists are listed apart and not saved, even in a mail thread', async () => {
    const db = await freshDb();
    const people = [ADA, { name: 'Let us know', email: 'tips@paper.example' }, { email: 'announce@lists.project.example' }];
    const outcome = await recordSighting(db, threadSighting('t1', 'Plan', people), none, NOON);
    expect(outcome.people.map((p) => p.email)).toEqual(['ada@analytical.example']);
    expect(outcome.mailboxes.map((p) => [p.email, p.mailbox, p.contactId])).toEqual([
      ['tips@paper.example', 'role', undefined],
      ['announce@lists.project.example', 'list', undefined],
    ]);
    expect((await everything(db)).contacts).toHaveLength(1);
  });
});

test('people first met today are marked new; people Tend knew before are not', async () => {
  const db = await freshDb();
  const yesterday = new Date(2026, 10, 22, 12).getTime();
  await recordSighting(db, threadSighting('t1', 'A', [ADA]), rulesWith(), yesterday);
  const today = await recordSighting(db, threadSighting('t2', 'B', [ADA, CHARLES]), rulesWith(), yesterday + DAY);
  expect(today.people.map((p) => [p.displayName, p.newToday ?? false])).toEqual([
    ['Ada Lovelace', false],
    ['Charles Babbage', true],
  ]);
});

test('the sender the mail recogniser marks as newest is marked, once, however their candidates merged', async () => {
  const db = await freshDb();
  const grace = { name: 'Grace Hopper', email: 'grace@navy.example', role: 'cc' } as const;
  const senders = (people: { displayName: string; newestSender?: boolean }[]) => people.filter((p) => p.newestSender).map((p) => p.displayName);
  // Ada writes, Charles replies, Ada writes again: Charles appears last for the first time, Ada wrote last.
  const thread = await recordSighting(db, threadSighting('t1', 'Plan', [{ ...ADA, newest: true }, { ...CHARLES, role: 'from' }, grace]), none, NOON);
  expect(senders(thread.people)).toEqual(['Ada Lovelace']);
  // An address and a profile linked earlier are one contact: one row, marked when either sent.
  const profile = 'https://github.com/cbabbage';
  await recordSighting(db, threadSighting('t2', 'Plan', [{ ...CHARLES, profileUrl: profile }]), none, NOON);
  const linked = await recordSighting(db, threadSighting('t3', 'Plan', [ADA, CHARLES, { profileUrl: profile, role: 'from', newest: true }]), none, NOON);
  expect(linked.people.map((p) => p.displayName)).toEqual(['Ada Lovelace', 'Charles Babbage']);
  expect(senders(linked.people)).toEqual(['Charles Babbage']);
  // A report that names no newest sender (a profile, a list of recipients) marks no one, senders or not.
  expect(senders((await recordSighting(db, threadSighting('t4', 'Plan', [ADA, CHARLES, grace]), none, NOON)).people)).toEqual([]);
});

test('with passive history off for a site, its people are listed but no "seen" entry is recorded', async () => {
  const db = await freshDb();
  const off = rulesWith({ passiveHistory: { gmail: false } });
  const outcome = await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), off, 1_000);
  expect(outcome.people.map((p) => p.displayName)).toEqual(['Ada Lovelace']);
  expect(await db.count('interactions')).toBe(0);
  await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), rulesWith({ passiveHistory: { gmail: true } }), 2_000);
  expect(await db.count('interactions')).toBe(1);
});
