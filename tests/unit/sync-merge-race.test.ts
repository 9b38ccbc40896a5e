// @vitest-environment node
// A merge on one device races edits on the other (issue 18: "a merge done on one device and an
// edit on the other both survive"): the laptop merges X into K while the desktop, offline, edits X,
// writes a note on X and adds a follow-up on X. After both sync: one person K on both, holding X's
// addresses, the desktop's note and follow-up and its newer field edits; X gone on both. Undoing the
// merge on the laptop brings X back on both, with what was X's (the desktop's note included).
import { describe, expect, it } from 'vitest';
import { getContact, listAllContacts } from '../../utils/db/contacts-repo';
import { getFollowUp } from '../../utils/db/followups-repo';
import { findContactIdByIdentity } from '../../utils/db/identities-repo';
import { listTimeline } from '../../utils/db/interactions-repo';
import { getMerge } from '../../utils/db/merges-repo';
import { readTx, type TendDatabase } from '../../utils/db/schema';
import { newId } from '../../utils/ids';
import { t } from '../../utils/i18n';
import { logInteraction } from '../../utils/services/capture/log';
import { createFollowUp } from '../../utils/services/followups/writes';
import { mergeContacts, undoMerge } from '../../utils/services/merge/merge';
import { updateContact } from '../../utils/services/people/contact-edits';
import { createContact } from '../../utils/services/people/people';
import { copyOutbox } from '../../utils/services/sync/push';
import { readConfig } from '../../utils/services/sync/service';
import { readState } from '../../utils/services/sync/state';
import { device, tick, turnOn, useCouchServer, type Device } from './sync-support';

const notesOf = async (db: TendDatabase, id: string) =>
  (await listTimeline(readTx(db, ['timeline', 'interactions']), id, 50)).map((entry) => entry.summary).sort();
const contactOn = (db: TendDatabase, id: string) => getContact(readTx(db, ['contacts']), id);
const ownerOn = (db: TendDatabase, value: string) => findContactIdByIdentity(readTx(db, ['identities']), { kind: 'email', value });
const both = async (laptop: Device, desktop: Device) => {
  for (const each of [laptop, desktop, laptop, desktop]) await each.sync.syncNow();
};

// Either device may reach the server first: the merging one (the other learns of the merge while it
// still holds X) or the editing one (the merging device receives records of X after it merged).
describe.each([
  { first: 'laptop', case: 'the merge reaches the server first' },
  { first: 'desktop', case: 'the edits reach the server first' },
] as const)('a merge on one device while the other edits the merged person ($case)', { timeout: 90_000 }, ({ first }) => {
  const server = useCouchServer();

  /** Two synced devices holding K and X; the laptop merges X into K while the desktop edits X. */
  async function race() {
    const user = await server.createUser('gil');
    await server.createPrivateDb(user);
    const laptop = await device();
    const desktop = await device();
    const kept = await createContact(laptop.db, { displayName: 'Ada Lovelace', email: 'ada@home.example' }, Date.now());
    const merged = await createContact(laptop.db, { displayName: 'A. Lovelace', email: 'ada@work.example' }, Date.now());
    await updateContact(laptop.db, kept.id, { whatMatters: 'Likes tea' }, Date.now());
    await turnOn(laptop, server, user);
    await turnOn(desktop, server, user);

    const merge = await mergeContacts(laptop.db, kept.id, merged.id, Date.now());
    if (first === 'laptop') await laptop.sync.syncNow();
    await tick();
    // The desktop has not learnt of the merge: it still holds X, and edits it.
    await updateContact(desktop.db, merged.id, { org: 'Analytical Engines', whatMatters: 'Prefers letters' }, Date.now());
    const note = await logInteraction(desktop.db, { contactIds: [merged.id], kind: 'note', text: 'Met at the salon', requestId: newId() }, Date.now());
    const followUp = await createFollowUp(
      desktop.db,
      { id: newId(), contactId: merged.id, due: Date.now() + 86_400_000, text: 'Send the notes' } as never,
      Date.now(),
    );
    if (first === 'desktop') await desktop.sync.syncNow();
    await both(laptop, desktop);
    return { laptop, desktop, kept, merged, merge, note, followUp };
  }

  it("ends with one person on both devices, holding the other side's note, follow-up and newer edits", async () => {
    const { laptop, desktop, kept, merged, note, followUp } = await race();
    for (const side of [laptop, desktop]) {
      expect((await listAllContacts(readTx(side.db, ['contacts']))).map((contact) => contact.id)).toEqual([kept.id]);
      expect(await ownerOn(side.db, 'ada@work.example')).toBe(kept.id);
      expect(await ownerOn(side.db, 'ada@home.example')).toBe(kept.id);
      expect(await getFollowUp(readTx(side.db, ['followUps']), followUp.id)).toMatchObject({ contactId: kept.id });
      // The desktop's "What matters" is newer than the merge's: it wins, and the merge's text stays in the history.
      expect(await contactOn(side.db, kept.id)).toMatchObject({ org: 'Analytical Engines', whatMatters: 'Prefers letters' });
      expect(await notesOf(side.db, kept.id)).toEqual(['Met at the salon', t('cardWhatMattersEarlier', 'Likes tea')].sort());
    }
    expect(await contactOn(desktop.db, kept.id)).toEqual(await contactOn(laptop.db, kept.id));
    expect(await contactOn(laptop.db, merged.id)).toBeUndefined();
    expect(note.id).toBeTruthy();
    expect((await laptop.sync.status()).rejected).toBe(0);
    expect((await desktop.sync.status()).rejected).toBe(0);
  });

  // Undo works on the merging device and on the one that received the merge as a fact.
  it.each(['laptop', 'desktop'] as const)("can be undone on the %s: X comes back on both with what was X's, the desktop's note included", async (undoing) => {
    const sides = await race();
    const { laptop, desktop, kept, merged, merge, followUp } = sides;
    await undoMerge(sides[undoing].db, merge.mergeId, Date.now());
    await both(laptop, desktop);
    for (const side of [laptop, desktop]) {
      expect((await listAllContacts(readTx(side.db, ['contacts']))).map((contact) => contact.id).sort()).toEqual([kept.id, merged.id].sort());
      expect(await ownerOn(side.db, 'ada@work.example')).toBe(merged.id);
      expect(await ownerOn(side.db, 'ada@home.example')).toBe(kept.id);
      expect(await notesOf(side.db, merged.id)).toEqual(['Met at the salon']);
      expect(await getFollowUp(readTx(side.db, ['followUps']), followUp.id)).toMatchObject({ contactId: merged.id });
      expect((await getMerge(readTx(side.db, ['merges']), merge.mergeId))?.undoneAt).toBeTypeOf('number');
    }
    expect(await contactOn(desktop.db, merged.id)).toEqual(await contactOn(laptop.db, merged.id));
    expect(await contactOn(desktop.db, kept.id)).toEqual(await contactOn(laptop.db, kept.id));
  });
});

// Each device applies the merge fact on its own, whichever way the late records meet it.
describe('a merge fact applied by one device alone', { timeout: 90_000 }, () => {
  const server = useCouchServer();

  /** K and X on two synced devices; the desktop edits X, writes a note and a follow-up on it, and syncs; the laptop merges X into K. */
  async function apart(name: string) {
    const user = await server.createUser(name);
    await server.createPrivateDb(user);
    const laptop = await device();
    const desktop = await device();
    const kept = await createContact(laptop.db, { displayName: 'Ada Lovelace', email: 'ada@home.example' }, Date.now());
    const merged = await createContact(laptop.db, { displayName: 'A. Lovelace', email: 'ada@work.example' }, Date.now());
    await turnOn(laptop, server, user);
    await turnOn(desktop, server, user);
    const merge = await mergeContacts(laptop.db, kept.id, merged.id, Date.now());
    await tick();
    await updateContact(desktop.db, merged.id, { org: 'Analytical Engines' }, Date.now());
    await logInteraction(desktop.db, { contactIds: [merged.id], kind: 'note', text: 'Met at the salon', requestId: newId() }, Date.now());
    const followUp = await createFollowUp(
      desktop.db,
      { id: newId(), contactId: merged.id, due: Date.now() + 86_400_000, text: 'Send the notes' } as never,
      Date.now(),
    );
    await desktop.sync.syncNow();
    return { laptop, desktop, kept, merged, merge, followUp };
  }
  const expectOnePerson = async (side: Device, keptId: string, followUpId: string) => {
    expect((await listAllContacts(readTx(side.db, ['contacts']))).map((contact) => contact.id)).toEqual([keptId]);
    expect(await ownerOn(side.db, 'ada@work.example')).toBe(keptId);
    expect(await notesOf(side.db, keptId)).toEqual(['Met at the salon']);
    expect(await getFollowUp(readTx(side.db, ['followUps']), followUpId)).toMatchObject({ contactId: keptId });
    expect(await contactOn(side.db, keptId)).toMatchObject({ org: 'Analytical Engines' });
  };

  it('the merging device redirects records of X that arrive after its merge', async () => {
    const { laptop, kept, merge, followUp } = await apart('hal');
    await laptop.sync.syncNow();
    await expectOnePerson(laptop, kept.id, followUp.id);
    // What it redirected is part of the merge now: undo would move it back.
    const record = await getMerge(readTx(laptop.db, ['merges']), merge.mergeId);
    expect(record?.followUpIds).toContain(followUp.id);
  });

  it('a device still holding X applies a merge that arrives after its own records of X went to the server', async () => {
    const { laptop, desktop, kept, followUp } = await apart('ida');
    // The laptop's merge reaches the server, but the laptop stops before it pulls anything.
    const config = (await readConfig(laptop.db))!;
    const local = laptop.replicas.local(config);
    await copyOutbox(laptop.db, local, (await readState(laptop.db)).pushedSeq, Date.now());
    await local.replicate.to(laptop.replicas.remote(config));
    await desktop.sync.syncNow();
    await expectOnePerson(desktop, kept.id, followUp.id);
  });
});
