// @vitest-environment node
// The team space (issue 18, "Two spaces"): what reaches a team database, what a teammate gets
// from it, and a user without access to it, against a real CouchDB-protocol server.
import { describe, expect, it } from 'vitest';
import { addInteraction, getInteraction, listTimeline } from '../../utils/db/interactions-repo';
import { getFollowUp } from '../../utils/db/followups-repo';
import { readTx, writeTx } from '../../utils/db/schema';
import { getSyncConfigRecord } from '../../utils/db/sync-repo';
import { newId } from '../../utils/ids';
import { logInteraction } from '../../utils/services/capture/log';
import { putDraft } from '../../utils/services/drafts/drafts';
import { createFollowUp } from '../../utils/services/followups/writes';
import { createContact, findPeople } from '../../utils/services/people/people';
import { updateContact } from '../../utils/services/people/contact-edits';
import { deletePerson } from '../../utils/services/people/delete';
import { knowsDocId } from '../../utils/services/sync/team-documents';
import { updateState } from '../../utils/services/sync/state';
import { latestChangeSeq } from '../../utils/db/changes-repo';
import { teamKnowers } from '../../utils/services/sync/team-knowers';
import { shareEntry, shareFollowUp } from '../../utils/services/sync/team-sharing';
import { privateDbName, type CouchServer, type CouchUser } from '../support/couch-server';
import { device, type Device, useCouchServer } from './sync-support';

const DAY = 86_400_000;

/** Turn sync on with a team; fails the test when the server refuses. */
async function joinTeam(on: Device, server: CouchServer, user: CouchUser, team: string) {
  const status = await on.sync.turnOn({ server: server.url, user: user.name, password: user.password, team });
  if (status.lastError) throw new Error(`sync refused: ${JSON.stringify(status.lastError)}`);
  await on.sync.syncNow();
  return on.sync.status();
}

/** Two users with their private databases, and a team database naming both. */
async function twoTeammates(server: CouchServer) {
  const ana = await server.createUser('ana');
  const ben = await server.createUser('ben');
  await server.createPrivateDb(ana);
  await server.createPrivateDb(ben);
  const team = await server.createTeamDb([ana, ben]);
  return { ana, ben, team };
}

/** Ana (on her laptop) and Ben (on his desktop) in one team, after Ana shared a note on Ada Lovelace. */
async function anaSharedANoteOnAda(server: CouchServer) {
  const { ana, ben, team } = await twoTeammates(server);
  const laptop = await device();
  const desktop = await device();
  const ada = await createContact(laptop.db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, Date.now());
  const shared = await logInteraction(laptop.db, { contactIds: [ada.id], kind: 'note', text: 'Shared by Ana', requestId: newId(), shared: true }, Date.now());
  await joinTeam(laptop, server, ana, team);
  await joinTeam(desktop, server, ben, team);
  return { ana, ben, team, laptop, desktop, ada, shared };
}

describe('the team space', { timeout: 90_000 }, () => {
  const server = useCouchServer();

  it('refuses a team the user has no access to, saying so, and keeps nothing of the attempt; local records stay', async () => {
    const { ana } = await twoTeammates(server);
    const outsider = await server.createUser('olga');
    await server.createPrivateDb(outsider);
    const theirs = await server.createTeamDb([ana]);
    const laptop = await device();
    const ada = await createContact(laptop.db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, Date.now());

    const refused = await laptop.sync.turnOn({ server: server.url, user: outsider.name, password: outsider.password, team: theirs });
    expect(refused).toMatchObject({ state: 'off', lastError: { code: 'team-forbidden' } });
    const missing = await laptop.sync.turnOn({ server: server.url, user: outsider.name, password: outsider.password, team: 'team-nobody-made' });
    expect(missing.lastError?.code).toBe('team-forbidden');
    expect(await getSyncConfigRecord(readTx(laptop.db, ['settings']))).toBeUndefined();
    expect((await findPeople(laptop.db, 'Ada', 5)).map((person) => person.id)).toEqual([ada.id]);
    expect(await server.documents(theirs)).toEqual([]);
  });

  it('sends the team cards, who knows whom and shared notes with their author; never private notes, sightings, drafts or what matters', async () => {
    const { ana, ben, team } = await twoTeammates(server);
    const laptop = await device();
    const now = Date.now();
    const ada = await createContact(laptop.db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, now - 3 * DAY);
    await updateContact(
      laptop.db,
      ada.id,
      { org: 'Analytical Society', stage: 'active', tags: ['math'], whatMatters: 'Her mother worries about poetry' },
      now - 3 * DAY,
    );
    const privateNote = await logInteraction(
      laptop.db,
      { contactIds: [ada.id], kind: 'note', text: 'Private: salary talk', requestId: newId(), at: now - 3 * DAY },
      now,
    );
    const sharedNote = await logInteraction(
      laptop.db,
      { contactIds: [ada.id], kind: 'call', text: 'Shared: wants the engine plans', requestId: newId(), shared: true, at: now - 2 * DAY },
      now,
    );
    const laterShared = await logInteraction(
      laptop.db,
      { contactIds: [ada.id], kind: 'note', text: 'Shared later from the menu', requestId: newId(), at: now - 2 * DAY },
      now,
    );
    await shareEntry(laptop.db, laterShared.id);
    const sighting = {
      id: newId(),
      contactIds: [ada.id],
      kind: 'sighting' as const,
      at: now - DAY,
      summary: 'Seen in thread: Secret merger',
      dedupeKey: 'thread|x',
      createdAt: now,
    };
    const tx = writeTx(laptop.db, ['interactions', 'timeline']);
    await addInteraction(tx, sighting);
    await tx.done;
    await putDraft(laptop.db, { kind: 'person', contactId: ada.id }, { text: 'Draft: do not send' }, now);
    const privateFollowUp = await createFollowUp(laptop.db, { id: newId(), contactId: ada.id, due: now + DAY, text: 'Private reminder' } as never, now);
    const sharedFollowUp = await createFollowUp(laptop.db, { id: newId(), contactId: ada.id, due: now + DAY, text: 'Send the plans' } as never, now);
    await shareFollowUp(laptop.db, sharedFollowUp.id);

    expect(await joinTeam(laptop, server, ana, team)).toMatchObject({ state: 'idle', team });
    const docs = await server.documents(team);
    const ids = docs.map((doc) => doc._id).sort();
    expect(ids).toEqual(
      [`card:${ada.id}`, `entry:${laterShared.id}`, `entry:${sharedNote.id}`, `followup:${sharedFollowUp.id}`, knowsDocId(ada.id, ana.name)].sort(),
    );
    const text = JSON.stringify(docs);
    for (const secret of [
      'Private: salary talk',
      'Secret merger',
      'Draft: do not send',
      'Her mother worries',
      'Private reminder',
      privateNote.id,
      sighting.id,
      privateFollowUp.id,
    ])
      expect(text).not.toContain(secret);
    expect(docs.find((doc) => doc._id === `card:${ada.id}`)).toMatchObject({
      record: { displayName: 'Ada Lovelace', org: 'Analytical Society', stage: 'active', tags: ['math'] },
    });
    expect(docs.find((doc) => doc._id === `entry:${sharedNote.id}`)).toMatchObject({ author: ana.name, record: { summary: 'Shared: wants the engine plans' } });
    expect(docs.find((doc) => String(doc._id).startsWith('knows:'))).toMatchObject({ member: ana.name, lastTalkedAt: now - 2 * DAY });
    // Ana's own space has everything of hers, the private note too: her other devices need it.
    expect(JSON.stringify(await server.documents(privateDbName(ana.name)))).toContain('Private: salary talk');

    const desktop = await device();
    // What the team brought is in Ben's own space after that one pass too: nothing left pending.
    expect((await joinTeam(desktop, server, ben, team)).pending).toBe(0);
    const read = readTx(desktop.db, ['contacts', 'interactions', 'timeline', 'followUps']);
    const timeline = await listTimeline(read, ada.id, 10);
    expect(timeline.map((entry) => [entry.summary, entry.author]).sort()).toEqual([
      ['Shared later from the menu', ana.name],
      ['Shared: wants the engine plans', ana.name],
    ]);
    expect(await getInteraction(read, privateNote.id)).toBeUndefined();
    expect(await getFollowUp(read, sharedFollowUp.id)).toMatchObject({ text: 'Send the plans', author: ana.name });
    expect(await getFollowUp(read, privateFollowUp.id)).toBeUndefined();
    const [onDesktop] = await findPeople(desktop.db, 'Ada', 1);
    expect(onDesktop).toMatchObject({ id: ada.id, org: 'Analytical Society' });
    expect(onDesktop?.whatMatters).toBeUndefined();
    const benTeam = await desktop.sync.teamReplica();
    expect(await teamKnowers(benTeam!.replica, ben.name, ada.id)).toEqual([{ member: ana.name, lastTalkedAt: now - 2 * DAY }]);
    // Ben's copy of Ana's note is hers: he cannot share it as his own, and nothing of his goes back as hers.
    await expect(shareEntry(desktop.db, sharedNote.id)).rejects.toThrow(ana.name);
    await desktop.sync.syncNow();
    const after = await server.documents(team);
    expect(after.find((doc) => doc._id === `entry:${sharedNote.id}`)).toMatchObject({ author: ana.name });
  });

  it('counts a change as pending until it went to the team too, not only to the user’s own space', async () => {
    const { ana, team } = await twoTeammates(server);
    const laptop = await device();
    await joinTeam(laptop, server, ana, team);
    const before = await latestChangeSeq(laptop.db);
    await createContact(laptop.db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, Date.now());
    await laptop.sync.syncNow();
    expect((await laptop.sync.status()).pending).toBe(0);
    // As between the team's copy and the private one in a pass: the private push is done, the team's is behind.
    await updateState(laptop.db, (state) => ({ ...state, teamPushedSeq: before }), Date.now());
    expect((await laptop.sync.status()).pending).toBe(1);
  });

  it('a person deleted here takes the user off those the team lists as knowing them; the card, what was shared and the teammate’s word stay', async () => {
    const { ana, ben, team, laptop, desktop, ada, shared } = await anaSharedANoteOnAda(server);
    await logInteraction(desktop.db, { contactIds: [ada.id], kind: 'call', text: 'Ben called her', requestId: newId() }, Date.now());
    await desktop.sync.syncNow();
    const teamIds = async () => (await server.documents(team)).map((doc) => doc._id);
    expect(await teamIds()).toEqual(expect.arrayContaining([knowsDocId(ada.id, ana.name), knowsDocId(ada.id, ben.name)]));

    await deletePerson(laptop.db, ada.id, { neverRecord: false }, Date.now());
    await laptop.sync.syncNow();
    expect((await laptop.sync.status()).pending).toBe(0);
    const after = await teamIds();
    expect(after).not.toContain(knowsDocId(ada.id, ana.name));
    expect(after).toEqual(expect.arrayContaining([`card:${ada.id}`, `entry:${shared.id}`, knowsDocId(ada.id, ben.name)]));
    // Ben's card no longer says Ana knows her; his own copy of the person and of Ana's note stay.
    await desktop.sync.syncNow();
    expect(await teamKnowers((await desktop.sync.teamReplica())!.replica, ben.name, ada.id)).toEqual([]);
    expect(await getInteraction(readTx(desktop.db, ['interactions']), shared.id)).toMatchObject({ author: ana.name });
    expect((await findPeople(desktop.db, 'Ada', 1)).map((person) => person.id)).toEqual([ada.id]);
  });

  it('a member who leaves loses access with a clear error, keeps what they had, and what they shared stays with the team', async () => {
    const { ana, ben, team, laptop, desktop, ada, shared } = await anaSharedANoteOnAda(server);

    await server.setMembers(team, [ben]);
    const later = await logInteraction(laptop.db, { contactIds: [ada.id], kind: 'note', text: 'Written after leaving', requestId: newId() }, Date.now());
    await laptop.sync.syncNow();
    const status = await laptop.sync.status();
    expect(status).toMatchObject({ state: 'error', lastError: { code: 'team-forbidden' } });
    // Her own space still syncs, and nothing of hers here is lost.
    expect(JSON.stringify(await server.documents(privateDbName(ana.name)))).toContain('Written after leaving');
    expect(await getInteraction(readTx(laptop.db, ['interactions']), later.id)).toBeDefined();
    // What she shared stays with the team, and the teammate keeps it.
    expect((await server.documents(team)).map((doc) => doc._id)).toContain(`entry:${shared.id}`);
    await desktop.sync.syncNow();
    expect(await getInteraction(readTx(desktop.db, ['interactions']), shared.id)).toMatchObject({ author: ana.name });
  });
});
