// @vitest-environment node
// A server that sends what Tend never wrote cannot corrupt what Tend holds: each bad document is
// counted as rejected and never applied, and nothing the user typed is overwritten.
import { describe, expect, it } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { getContact, listAllContactIds } from '../../utils/db/contacts-repo';
import { findContactIdByIdentity } from '../../utils/db/identities-repo';
import { listAllMerges } from '../../utils/db/merges-repo';
import { createContact } from '../../utils/services/people/people';
import { updateContact } from '../../utils/services/people/contact-edits';
import { newId } from '../../utils/ids';
import { device, turnOn, useCouchServer } from './sync-support';

describe('a hostile server', { timeout: 60_000 }, () => {
  const server = useCouchServer();

  it('gets wrong types, huge documents, unknown kinds and mismatched ids counted as rejected, none applied', async () => {
    const user = await server.createUser('gil');
    const db = await server.createPrivateDb(user);
    const laptop = await device();
    const ada = await createContact(laptop.db, { displayName: 'Ada', email: 'ada@example.com' }, Date.now());
    await turnOn(laptop, server, user);
    const stored = (await server.call('GET', `/${db}/contact:${ada.id}`, { as: user })).body as Record<string, unknown>;
    const now = Date.now();
    const contact = (id: string, record: object) => ({
      kind: 'contact',
      fieldsAt: {},
      record: { id, displayName: 'X', identities: [], tags: [], createdAt: now, updatedAt: now, ...record },
    });
    const stranger = newId();
    const bad: [string, object][] = [
      // Ada herself, as a newer revision with an identity list that is not one.
      [`contact:${ada.id}`, { ...stored, record: { ...(stored.record as object), displayName: 'Hijacked', identities: 'ada@example.com' } }],
      [`contact:${stranger}`, contact(stranger, { displayName: 42 })],
      [`contact:${newId()}`, contact(newId(), { displayName: 'Wrong id' })],
      [`contact:${newId()}`, { kind: 'contact', fieldsAt: {}, padding: 'x'.repeat(600_000) }],
      [`entry:${newId()}`, { kind: 'entry', record: { id: 'not-a-uuid', summary: 'x' } }],
      ['spell:1', { kind: 'spell', cast: 'fireball' }],
    ];
    for (const [id, body] of bad) expect((await server.call('PUT', `/${db}/${id}`, { as: user, body })).status).toBe(201);

    await laptop.sync.syncNow();
    expect((await laptop.sync.status()).rejected).toBe(bad.length);
    const tx = readTx(laptop.db, ['contacts', 'identities']);
    expect(await listAllContactIds(tx)).toEqual([ada.id]);
    expect(await getContact(tx, ada.id)).toEqual(ada);
    expect(await findContactIdByIdentity(tx, { kind: 'email', value: 'ada@example.com' })).toBe(ada.id);
  });

  it('gets merge facts that do not hold counted as rejected: none is kept, no record is redirected', async () => {
    const user = await server.createUser('gus');
    const db = await server.createPrivateDb(user);
    const laptop = await device();
    const ada = await createContact(laptop.db, { displayName: 'Ada', email: 'ada@example.com' }, Date.now());
    const bea = await createContact(laptop.db, { displayName: 'Bea', email: 'bea@example.com' }, Date.now());
    await turnOn(laptop, server, user);
    const merge = (id: string, record: object) => ({
      kind: 'merge',
      record: {
        id,
        at: 1,
        keptId: bea.id,
        mergedId: ada.id,
        keptBefore: bea,
        mergedBefore: ada,
        keptAfter: bea,
        movedIdentityKeys: [],
        entries: [],
        followUpIds: [],
        ...record,
      },
    });
    const [selfMerge, wrongTypes, otherId] = [newId(), newId(), newId()];
    const bad: [string, object][] = [
      [`merge:${selfMerge}`, merge(selfMerge, { keptId: ada.id })],
      [`merge:${wrongTypes}`, merge(wrongTypes, { entries: 'all of them' })],
      [`merge:${otherId}`, merge(newId(), {})],
    ];
    for (const [id, body] of bad) expect((await server.call('PUT', `/${db}/${id}`, { as: user, body })).status).toBe(201);

    await laptop.sync.syncNow();
    expect((await laptop.sync.status()).rejected).toBe(bad.length);
    const tx = readTx(laptop.db, ['contacts', 'identities', 'merges']);
    expect((await listAllContactIds(tx)).sort()).toEqual([ada.id, bea.id].sort());
    expect(await findContactIdByIdentity(tx, { kind: 'email', value: 'ada@example.com' })).toBe(ada.id);
    expect(await listAllMerges(tx)).toEqual([]);
  });

  it('cannot delete a person the user is editing: the edit stays and goes back to the server', async () => {
    const user = await server.createUser('hal');
    const db = await server.createPrivateDb(user);
    const laptop = await device();
    const ada = await createContact(laptop.db, { displayName: 'Ada', email: 'ada@example.com' }, Date.now());
    await turnOn(laptop, server, user);
    const rev = ((await server.call('GET', `/${db}/contact:${ada.id}`, { as: user })).body as { _rev: string })._rev;
    await updateContact(laptop.db, ada.id, { whatMatters: 'Typed while the server deleted her' }, Date.now());
    expect((await server.call('DELETE', `/${db}/contact:${ada.id}?rev=${rev}`, { as: user })).status).toBe(200);

    await laptop.sync.syncNow();
    await laptop.sync.syncNow();
    expect(await getContact(readTx(laptop.db, ['contacts']), ada.id)).toMatchObject({ whatMatters: 'Typed while the server deleted her' });
    const onServer = (await server.documents(db)).find((doc) => doc._id === `contact:${ada.id}`);
    expect(onServer).toMatchObject({ record: { whatMatters: 'Typed while the server deleted her' } });
  });
});
