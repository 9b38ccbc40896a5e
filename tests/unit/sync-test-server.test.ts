// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateDbName, startCouchServer, type CouchServer } from '../support/couch-server';

// The server the sync tests run against: it must keep a user's private database theirs.
describe('the sync test server', () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
  }, 60_000);
  afterAll(async () => server?.stop());

  it('names private databases as couch_peruser does', () => {
    expect(privateDbName('alice')).toBe('userdb-616c696365');
    expect(server.userDb).toBe(privateDbName(server.user.name));
  });

  it('lets the user read and write their own database, and the admin see what they wrote', async () => {
    expect((await server.call('GET', `/${server.userDb}`, { as: server.user })).status).toBe(200);
    const put = await server.call('PUT', `/${server.userDb}/note-1`, { as: server.user, body: { text: 'hello' } });
    expect(put.status).toBe(201);
    expect(await server.documents(server.userDb)).toEqual([expect.objectContaining({ _id: 'note-1', text: 'hello' })]);
  });

  it('refuses another user, a wrong password and anonymous requests', async () => {
    const bob = await server.createUser('bob');
    await server.createPrivateDb(bob);
    expect([401, 403]).toContain((await server.call('GET', `/${server.userDb}`, { as: bob })).status);
    expect([401, 403]).toContain((await server.call('GET', `/${server.userDb}/_all_docs`, { as: bob })).status);
    expect((await server.call('GET', `/${server.userDb}`, { as: { ...server.user, password: 'wrong' } })).status).toBe(401);
    expect([401, 403]).toContain((await server.call('GET', `/${server.userDb}`)).status);
    expect((await server.call('GET', `/${privateDbName(bob.name)}`, { as: bob })).status).toBe(200);
  });
});
