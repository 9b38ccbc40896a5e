import { expect, test } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { listTimeline } from '../../utils/db/interactions-repo';
import { addIdentity, parseIdentity, removeIdentity, updateContact } from '../../utils/services/people/contact-edits';
import { contactFacts } from '../../utils/services/people/facts';
import { deleteInteraction, editInteraction, logInteraction, restoreInteraction } from '../../utils/services/capture/log';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { createFollowUp, setFollowUpDone } from '../../utils/services/followups/writes';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

async function setup() {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA, CHARLES]), rulesWith(), 1_000);
  return { db, ada: people[0]!.contactId!, charles: people[1]!.contactId! };
}
const timeline = async (db: Awaited<ReturnType<typeof freshDb>>, id: string) => listTimeline(readTx(db, ['timeline', 'interactions']), id, 50);

test('field edits are applied one by one: two edits of different fields both stay; null clears', async () => {
  const { db, ada } = await setup();
  await Promise.all([updateContact(db, ada, { org: 'Analytical Society' }, 2_000), updateContact(db, ada, { whatMatters: 'Her notes on the engine' }, 2_001)]);
  expect(await db.get('contacts', ada)).toMatchObject({ org: 'Analytical Society', whatMatters: 'Her notes on the engine' });
  await updateContact(db, ada, { org: null, tags: ['maths', 'maths', 'poetry'] }, 3_000);
  const after = (await db.get('contacts', ada))!;
  expect(after.org).toBeUndefined();
  expect(after.tags).toEqual(['maths', 'poetry']);
});

test('a stage change is recorded on the timeline; setting the same stage again is not', async () => {
  const { db, ada } = await setup();
  await updateContact(db, ada, { stage: 'prospect' }, 2_000);
  await updateContact(db, ada, { stage: 'prospect' }, 3_000);
  await updateContact(db, ada, { stage: 'customer' }, 4_000);
  expect((await timeline(db, ada)).filter((e) => e.kind === 'stage').map((e) => e.summary)).toEqual([
    'Stage: prospect → customer',
    'Stage: no stage → prospect',
  ]);
});

test('a stage change is recorded as data: from (absent when there was no stage) and to (absent when cleared)', async () => {
  const { db, ada } = await setup();
  await updateContact(db, ada, { stage: 'prospect' }, 2_000);
  await updateContact(db, ada, { stage: 'won' }, 3_000);
  await updateContact(db, ada, { stage: null }, 4_000);
  const stages = (await timeline(db, ada)).filter((e) => e.kind === 'stage');
  expect(stages.map((e) => e.stage)).toEqual([{ from: 'won' }, { from: 'prospect', to: 'won' }, { to: 'prospect' }]);
  // The summary keeps the words older readers (CSV exports, an older Tend restoring a backup) know.
  expect(stages.map((e) => e.summary)).toEqual(['Stage: won → no stage', 'Stage: prospect → won', 'Stage: no stage → prospect']);
});

test('identities: add by address or profile link, refuse one that is someone else’s, remove', async () => {
  const { db, ada } = await setup();
  expect(parseIdentity(' https://www.GitHub.com/AdaL?tab=repos ')).toEqual({ kind: 'url', value: 'https://github.com/adal' });
  expect(() => parseIdentity('not anything')).toThrow(/neither an email address nor a profile link/);
  await addIdentity(db, ada, 'ada@home.example', 2_000);
  await expect(addIdentity(db, ada, 'charles@engine.example', 2_001)).rejects.toThrow(/already belongs to Charles Babbage/);
  const after = await removeIdentity(db, ada, { kind: 'email', value: 'ada@analytical.example' }, 3_000);
  expect(after.identities).toEqual([{ kind: 'email', value: 'ada@home.example' }]);
  expect(await db.get('identities', 'email:ada@analytical.example')).toBeUndefined();
  expect((await db.get('identities', 'email:ada@home.example'))?.contactId).toBe(ada);
});

test('an entry edited keeps its id and time; sightings cannot be edited; a deleted entry can be restored exactly', async () => {
  const { db, ada, charles } = await setup();
  const entry = await logInteraction(db, { contactIds: [ada, charles], kind: 'call', text: 'Called', requestId: crypto.randomUUID() }, 5_000);
  const edited = await editInteraction(db, entry.id, { text: 'Called about Thursday', experience: 'positive' }, 6_000);
  expect(edited).toMatchObject({ id: entry.id, at: 5_000, kind: 'call', summary: 'Called about Thursday', experience: 'positive', editedAt: 6_000 });
  const [sighting] = (await timeline(db, ada)).filter((e) => e.kind === 'sighting');
  await expect(editInteraction(db, sighting!.id, { text: 'x' }, 7_000)).rejects.toMatchObject({ code: 'forbidden' });

  await deleteInteraction(db, entry.id, 8_000);
  await restoreInteraction(db, edited);
  expect(await db.get('interactions', entry.id)).toEqual(edited);
  expect((await timeline(db, charles))[0]).toEqual(edited);
  expect((await db.get('contacts', ada))!.lastInteractionAt).toBe(5_000);
});

test('the timeline pages with a cursor: pages do not overlap and cover everything', async () => {
  const { db, ada } = await setup();
  for (let i = 0; i < 25; i++) await logInteraction(db, { contactIds: [ada], kind: 'note', text: `n${i}`, requestId: crypto.randomUUID() }, 2_000 + (i % 5));
  const tx = () => readTx(db, ['timeline', 'interactions']);
  const seen: string[] = [];
  let page = await listTimeline(tx(), ada, 10);
  while (page.length > 0) {
    seen.push(...page.map((e) => e.id));
    const last = page.at(-1)!;
    page = await listTimeline(tx(), ada, 10, { at: last.at, id: last.id });
  }
  expect(seen).toHaveLength(26);
  expect(new Set(seen).size).toBe(26);
});

test('facts: last interaction, this year’s entries by kind, and open follow-ups (done ones and other people’s not counted)', async () => {
  const { db, ada, charles } = await setup();
  await logInteraction(db, { contactIds: [ada], kind: 'call', text: 'c', requestId: crypto.randomUUID() }, 10_000);
  await updateContact(db, ada, { stage: 'active' }, 11_000);
  const followUp = (contactId: string) =>
    createFollowUp(db, { id: crypto.randomUUID(), contactId, text: 'Write back', due: 90_000, confirmPast: false }, 12_000);
  const [first] = [await followUp(ada), await followUp(ada), await followUp(charles)];
  await setFollowUpDone(db, first.id, true, 13_000);
  expect(await contactFacts(db, ada, 5_000)).toEqual({ lastInteractionAt: 10_000, countsByKind: { call: 1, stage: 1 }, openFollowUps: 1 });
});
