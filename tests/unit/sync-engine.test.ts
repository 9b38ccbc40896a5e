// @vitest-environment node
// Sync between two devices of one user through a real CouchDB-protocol server (tests/support/couch-server.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { getContact } from '../../utils/db/contacts-repo';
import { findContactIdByIdentity } from '../../utils/db/identities-repo';
import { getInteraction, listTimeline } from '../../utils/db/interactions-repo';
import { getFollowUp } from '../../utils/db/followups-repo';
import { createContact } from '../../utils/services/people/people';
import { deleteInteraction, logInteraction } from '../../utils/services/capture/log';
import { createFollowUp } from '../../utils/services/followups/writes';
import { newId } from '../../utils/ids';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { device, turnOn } from './sync-support';

// Each test talks to a real server over HTTP: on the shared two-core machine a pass takes seconds,
// so the timeout only has to catch a pass that never ends.
describe('sync between two devices of one user', { timeout: 60_000 }, () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
  }, 60_000);
  afterAll(async () => server?.stop());

  it('brings a person, a note and a follow-up written on one device to the other, and only to the server it was given', async () => {
    const user = await server.createUser('carol');
    const db = await server.createPrivateDb(user);
    const laptop = await device();
    const desktop = await device();
    const now = Date.now();
    const ada = await createContact(laptop.db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, now);
    const note = await logInteraction(laptop.db, { contactIds: [ada.id], kind: 'note', text: 'Talked about engines', requestId: newId() }, now);
    const followUp = await createFollowUp(laptop.db, { id: newId(), contactId: ada.id, due: now + 86_400_000, text: 'Send the notes' } as never, now);
    await turnOn(laptop, server, user);
    expect(await laptop.sync.status()).toMatchObject({ state: 'idle', pending: 0, rejected: 0, user: user.name });

    const ids = (await server.documents(db)).map((doc) => doc._id).sort();
    expect(ids).toEqual([`contact:${ada.id}`, `entry:${note.id}`, `followup:${followUp.id}`].sort());
    expect(JSON.stringify(await server.documents(db))).not.toContain(user.password);

    await turnOn(desktop, server, user);
    const onLaptop = await getContact(readTx(laptop.db, ['contacts']), ada.id);
    const tx = readTx(desktop.db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps']);
    expect(await getContact(tx, ada.id)).toEqual(onLaptop);
    expect(await findContactIdByIdentity(tx, { kind: 'email', value: 'ada@analytical.example' })).toBe(ada.id);
    expect((await listTimeline(tx, ada.id, 10)).map((entry) => entry.id)).toEqual([note.id]);
    expect(await getFollowUp(tx, followUp.id)).toEqual(followUp);
    for (const each of [laptop, desktop]) expect(each.requests.every((url) => new URL(url).origin === new URL(server.url).origin)).toBe(true);
  });

  it('pushes nothing back that it pulled (its own echo), and a deletion reaches the other device without the deleted text', async () => {
    const user = await server.createUser('dan');
    const db = await server.createPrivateDb(user);
    const laptop = await device();
    const desktop = await device();
    const ada = await createContact(laptop.db, { displayName: 'Ada', email: 'ada@example.com' }, Date.now());
    const note = await logInteraction(laptop.db, { contactIds: [ada.id], kind: 'note', text: 'Secret plans', requestId: newId() }, Date.now());
    await turnOn(laptop, server, user);
    await turnOn(desktop, server, user);
    const revs = async () => (await server.documents(db)).map((doc) => `${String(doc._id)}@${String(doc._rev)}`).sort();
    const before = await revs();
    await desktop.sync.syncNow();
    await laptop.sync.syncNow();
    expect(await revs()).toEqual(before);

    await deleteInteraction(laptop.db, note.id, Date.now());
    await laptop.sync.syncNow();
    await desktop.sync.syncNow();
    expect(await getInteraction(readTx(desktop.db, ['interactions']), note.id)).toBeUndefined();
    expect(await listTimeline(readTx(desktop.db, ['timeline', 'interactions']), ada.id, 10)).toEqual([]);
    const tombstone = await server.call('GET', `/${db}/entry:${note.id}?revs=true&open_revs=all`, { as: user });
    expect(JSON.stringify(tombstone.body)).toContain('"_deleted":true');
    expect(JSON.stringify(tombstone.body)).not.toContain('Secret plans');
  });
});
