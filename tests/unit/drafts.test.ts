import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readTx } from '../../utils/db/schema';
import { listTimeline } from '../../utils/db/interactions-repo';
import type { Draft, DraftAbout } from '../../utils/model/drafts';
import { logInteraction } from '../../utils/services/capture/log';
import { discardDraft, getDraft, listDrafts, purgeDrafts, putDraft } from '../../utils/services/drafts/drafts';
import { migrateStorageDrafts } from '../../utils/services/drafts/migrate-storage';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, freshDb, rulesWith, threadSighting } from './helpers';

const PAGE: DraftAbout = { kind: 'page', url: 'https://mail.google.com/mail/u/0/#inbox/t1' };
const note = (text: string, contactIds: string[] = []): Draft => ({ text, kind: 'note', contactIds, peopleChosen: true, requestId: crypto.randomUUID() });

async function withAda() {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), rulesWith(), 1_000);
  return { db, ada: people[0]!.contactId! };
}

test('a draft is kept by what it is about and read back there; another thing has its own', async () => {
  const db = await freshDb();
  const person: DraftAbout = { kind: 'person', contactId: '01900000-0000-7000-8000-00000000000a' };
  await putDraft(db, PAGE, note('On the page'), 2_000);
  await putDraft(db, person, note('About Ada'), 2_001);
  expect((await getDraft(db, PAGE))?.draft.text).toBe('On the page');
  expect((await getDraft(db, person))?.draft.text).toBe('About Ada');
  expect(await getDraft(db, { kind: 'menu', url: PAGE.url })).toBeUndefined();
  expect((await listDrafts(db)).map((d) => d.updatedAt)).toEqual([2_000, 2_001]);
});

test('saving the note removes its draft in the same write; a keystroke arriving later cannot bring it back', async () => {
  const { db, ada } = await withAda();
  const draft = note('Lunch next week', [ada]);
  await putDraft(db, PAGE, draft, 2_000);
  await logInteraction(db, { contactIds: [ada], kind: 'note', text: draft.text, requestId: draft.requestId!, draft: PAGE }, 3_000);
  expect(await getDraft(db, PAGE)).toBeUndefined();
  expect(await putDraft(db, PAGE, { ...draft, text: 'Lunch next week!' }, 3_001)).toBe(false);
  expect(await getDraft(db, PAGE)).toBeUndefined();
});

test('a draft whose note was logged without clearing it (an older Tend, a closed popup) is not shown again', async () => {
  const { db, ada } = await withAda();
  const draft = note('Already saved', [ada]);
  await putDraft(db, PAGE, draft, 2_000);
  await logInteraction(db, { contactIds: [ada], kind: 'note', text: draft.text, requestId: draft.requestId! }, 3_000);
  expect(await getDraft(db, PAGE)).toBeUndefined();
  expect(await listDrafts(db)).toEqual([]);
});

test('saving an older request leaves a newer draft of the same page alone', async () => {
  const { db, ada } = await withAda();
  const older = note('First', [ada]);
  await putDraft(db, PAGE, note('Second, not saved yet', [ada]), 2_000);
  await logInteraction(db, { contactIds: [ada], kind: 'note', text: older.text, requestId: older.requestId!, draft: PAGE }, 3_000);
  expect((await getDraft(db, PAGE))?.draft.text).toBe('Second, not saved yet');
  await discardDraft(db, PAGE, older.requestId);
  expect((await getDraft(db, PAGE))?.draft.text).toBe('Second, not saved yet');
});

test('an emptied note is not kept; an emptied field is (clearing a field is an edit)', async () => {
  const db = await freshDb();
  const field: DraftAbout = { kind: 'field', contactId: '01900000-0000-7000-8000-00000000000a', field: 'whatMatters' };
  await putDraft(db, PAGE, note('x'), 1);
  await putDraft(db, PAGE, note('  '), 2);
  await putDraft(db, field, { text: '', base: 'Earlier text' }, 3);
  expect((await listDrafts(db)).map((d) => d.key)).toEqual([`field:${field.contactId}:whatMatters`]);
});

test('stale drafts are purged by key; the count says how many were there', async () => {
  const db = await freshDb();
  await putDraft(db, PAGE, note('Old'), 1);
  expect(await purgeDrafts(db, [`page:${PAGE.url}`, 'page:gone'])).toBe(1);
  expect(await listDrafts(db)).toEqual([]);
});

test('drafts kept per tab in chrome.storage.local move into the database once, by page', async () => {
  const { db, ada } = await withAda();
  const old = { text: 'Typed before the update', kind: 'note', contactIds: [ada], peopleChosen: true, requestId: crypto.randomUUID() };
  const fromMenu = { ...old, text: 'From the menu', requestId: crypto.randomUUID(), fromMenu: true, source: { url: 'https://people.example/a' } };
  const tab = await fakeBrowser.tabs.create({ url: PAGE.url });
  await fakeBrowser.storage.local.set({
    [`draft:${tab.id}`]: old,
    'draft:9': fromMenu,
    'draft:11': { ...old, text: 'Tab gone', requestId: crypto.randomUUID() },
  });
  expect(await migrateStorageDrafts(db, 5_000)).toBe(3);
  expect((await getDraft(db, PAGE))?.draft).toEqual({ text: old.text, kind: 'note', contactIds: [ada], peopleChosen: true, requestId: old.requestId });
  expect((await getDraft(db, { kind: 'menu', url: 'https://people.example/a' }))?.draft.text).toBe('From the menu');
  expect((await listDrafts(db)).map((d) => d.draft.text).sort()).toEqual(['From the menu', 'Tab gone', 'Typed before the update']);
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  expect(await migrateStorageDrafts(db, 6_000)).toBe(0);
  expect(await listDrafts(db)).toHaveLength(3);
});

test('a past-dated call is logged at its date: timeline order and last interaction follow it', async () => {
  const { db, ada } = await withAda();
  const yesterday = 10 * 86_400_000 - 86_400_000;
  await logInteraction(db, { contactIds: [ada], kind: 'note', text: 'Today', requestId: crypto.randomUUID() }, 5_000);
  await logInteraction(db, { contactIds: [ada], kind: 'call', text: 'Yesterday’s call', requestId: crypto.randomUUID(), at: yesterday }, 10 * 86_400_000);
  const history = await listTimeline(readTx(db, ['timeline', 'interactions']), ada, 10);
  expect(history.map((h) => [h.summary, h.at])).toEqual([
    ['Yesterday’s call', yesterday],
    ['Today', 5_000],
    ['Plan', 1_000],
  ]);
  expect((await db.get('contacts', ada))!.lastInteractionAt).toBe(yesterday);
});

test('a date in the future (beyond a minute) or before 1970 is refused, and nothing is logged', async () => {
  const { db, ada } = await withAda();
  const now = 1_800_000_000_000;
  const request = (at: number) => ({ contactIds: [ada], kind: 'call' as const, text: 'Call', requestId: crypto.randomUUID(), at });
  await expect(logInteraction(db, request(now + 2 * 60_000), now)).rejects.toThrow('That time is in the future');
  await expect(logInteraction(db, request(-1), now)).rejects.toThrow('after 1970');
  expect((await logInteraction(db, request(now + 30_000), now)).at).toBe(now + 30_000);
  expect(await db.count('interactions')).toBe(2);
});

test('a note with a follow-up adds it for each person, linked to the note; a retry adds none again', async () => {
  const { db, ada } = await withAda();
  const request = {
    contactIds: [ada],
    kind: 'note' as const,
    text: 'Send the plans',
    requestId: crypto.randomUUID(),
    followUp: { text: 'Plans sent?', due: 9_000, confirmPast: false },
  };
  const entry = await logInteraction(db, request, 2_000);
  await logInteraction(db, request, 2_500);
  expect((await db.getAll('followUps')).map((f) => [f.contactId, f.text, f.due, f.entryId])).toEqual([[ada, 'Plans sent?', 9_000, entry.id]]);
});

test('a follow-up due in the past without confirmation refuses the whole note', async () => {
  const { db, ada } = await withAda();
  const request = {
    contactIds: [ada],
    kind: 'note' as const,
    text: 'Late',
    requestId: crypto.randomUUID(),
    followUp: { text: 'x', due: 1, confirmPast: false },
  };
  await expect(logInteraction(db, request, 10 * 86_400_000)).rejects.toThrow();
  expect(await db.count('interactions')).toBe(1);
  expect(await db.count('followUps')).toBe(0);
});
