/**
 * Card fields typed in drafts (issue 15): a field's save removes its draft only while the draft
 * holds the saved text, and "What matters" saved over a text another window wrote meanwhile keeps
 * that text in the person's history. Deleting a person deletes the drafts about them; undo brings
 * them back.
 */
import { expect, test } from 'vitest';
import { listTimeline } from '../../utils/db/interactions-repo';
import { readTx } from '../../utils/db/schema';
import type { DraftAbout } from '../../utils/model/drafts';
import { getDraft, listDrafts, putDraft } from '../../utils/services/drafts/drafts';
import { logInteraction } from '../../utils/services/capture/log';
import { createFollowUp } from '../../utils/services/followups/writes';
import { saveCardField } from '../../utils/services/people/contact-edits';
import { deletePerson, undoDeletePerson } from '../../utils/services/people/delete';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

type Db = Awaited<ReturnType<typeof freshDb>>;

async function setup() {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA, CHARLES]), rulesWith(), 1_000);
  return { db, ada: people[0]!.contactId!, charles: people[1]!.contactId! };
}
const historyOf = async (db: Db, id: string) => (await listTimeline(readTx(db, ['timeline', 'interactions']), id, 50)).map((entry) => entry.summary);
const whatMatters = (contactId: string): DraftAbout => ({ kind: 'field', contactId, field: 'whatMatters' });

test('a field saved from its draft removes the draft in the same write; a draft typed further since stays', async () => {
  const { db, ada } = await setup();
  await putDraft(db, whatMatters(ada), { text: 'Her engine', base: '' }, 2_000);
  const saved = await saveCardField(db, ada, { whatMatters: 'Her engine' }, { base: '', draft: { about: whatMatters(ada), text: 'Her engine' } }, 2_001);
  expect(saved.contact.whatMatters).toBe('Her engine');
  expect(await getDraft(db, whatMatters(ada))).toBeUndefined();

  // The box held more by the time the save arrived: that text is not this save's to remove.
  await putDraft(db, whatMatters(ada), { text: 'Her engine and her notes', base: 'Her engine' }, 3_000);
  await saveCardField(db, ada, { whatMatters: 'Her engine and' }, { base: 'Her engine', draft: { about: whatMatters(ada), text: 'Her engine and' } }, 3_001);
  expect((await getDraft(db, whatMatters(ada)))?.draft.text).toBe('Her engine and her notes');
});

test('"What matters" started from an older text: saved, and the text written elsewhere meanwhile becomes a history entry', async () => {
  const { db, ada } = await setup();
  // Both panels started from no text; the first saves, then the second.
  const first = await saveCardField(db, ada, { whatMatters: 'Her daughters' }, { base: '' }, 2_000);
  expect(first.keptEarlier).toBe(false);
  const second = await saveCardField(db, ada, { whatMatters: 'Getting the numbers right' }, { base: '' }, 3_000);
  expect(second.keptEarlier).toBe(true);
  expect((await db.get('contacts', ada))?.whatMatters).toBe('Getting the numbers right');
  expect(await historyOf(db, ada)).toContain('Earlier “What matters to them”: Her daughters');

  // Started from what is stored (its own save, or what it was shown): nothing to keep.
  const third = await saveCardField(db, ada, { whatMatters: 'Getting the numbers right, always' }, { base: 'Getting the numbers right' }, 4_000);
  expect(third.keptEarlier).toBe(false);
  // A field sent without the text it started from (not guarded) writes as before.
  await saveCardField(db, ada, { whatMatters: 'Plain' }, {}, 5_000);
  expect((await historyOf(db, ada)).filter((summary) => summary.startsWith('Earlier'))).toHaveLength(1);
});

test('clearing "What matters" over a text written elsewhere keeps that text too; the same text twice keeps nothing', async () => {
  const { db, ada } = await setup();
  await saveCardField(db, ada, { whatMatters: 'Her engine' }, { base: '' }, 2_000);
  expect((await saveCardField(db, ada, { whatMatters: 'Her engine' }, { base: '' }, 2_500)).keptEarlier).toBe(false);
  expect((await saveCardField(db, ada, { whatMatters: null }, { base: 'Something older' }, 3_000)).keptEarlier).toBe(true);
  expect((await db.get('contacts', ada))?.whatMatters).toBeUndefined();
  expect(await historyOf(db, ada)).toContain('Earlier “What matters to them”: Her engine');
});

test('deleting a person deletes the drafts about them, their follow-ups and their own entries; undo brings them back', async () => {
  const { db, ada, charles } = await setup();
  const entry = await logInteraction(db, { contactIds: [ada], kind: 'note', text: 'Only Ada’s', requestId: crypto.randomUUID() }, 2_000);
  const shared = await logInteraction(db, { contactIds: [ada, charles], kind: 'note', text: 'Both', requestId: crypto.randomUUID() }, 2_001);
  const followUp = await createFollowUp(db, { id: crypto.randomUUID(), contactId: ada, text: 'Call back', due: 9_000_000, confirmPast: false }, 2_002);
  const hers: DraftAbout[] = [
    whatMatters(ada),
    { kind: 'person', contactId: ada },
    { kind: 'newFollowUp', contactId: ada },
    { kind: 'followUp', followUpId: followUp.id },
    { kind: 'entry', interactionId: entry.id },
  ];
  const others: DraftAbout[] = [
    { kind: 'person', contactId: charles },
    { kind: 'entry', interactionId: shared.id },
    { kind: 'page', url: 'https://example.com/' },
  ];
  for (const [i, about] of [...hers, ...others].entries()) await putDraft(db, about, { text: `draft ${i}` }, 3_000 + i);
  const keys = async () => (await listDrafts(db)).map((record) => record.key).sort();
  const before = await keys();

  await deletePerson(db, ada, { neverRecord: false }, 4_000);
  expect((await listDrafts(db)).map((record) => record.about)).toEqual(others);
  await undoDeletePerson(db, ada, 5_000);
  expect(await keys()).toEqual(before);
  expect((await getDraft(db, whatMatters(ada)))?.draft.text).toBe('draft 0');
});
