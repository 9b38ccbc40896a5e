/**
 * A CouchDB-protocol server for the sync tests (unit and e2e): `pouchdb-server --in-memory` on a
 * free 127.0.0.1 port, started in a temporary directory (it writes config.json and log.txt into
 * its cwd), with an admin, one user and that user's private database `userdb-<hex of name>` (the
 * couch_peruser convention) readable by that user only. With `TEND_COUCHDB_URL` set
 * (`http://admin:password@host:5984`), that server is used instead and nothing is started.
 * The process and the requests are pouchdb-server.mjs's (which the bench uses too).
 */
import { randomBytes } from 'node:crypto';
import { expectOk, httpJson, startPouchDbServer, type CouchAnswer, type CouchUser } from './pouchdb-server.mjs';

export type { CouchAnswer, CouchUser };

/** A running test server, its admin, its first user and that user's private database. */
export interface CouchServer {
  /** The server's origin and path, without credentials (`http://127.0.0.1:5999`). */
  url: string;
  admin: CouchUser;
  user: CouchUser;
  /** `user`'s private database name. */
  userDb: string;
  /** A request as `as` (anonymous when absent). */
  call(method: string, path: string, options?: { as?: CouchUser; body?: unknown }): Promise<CouchAnswer>;
  /** Create a user (a name unique to this server is made from `prefix`). */
  createUser(prefix?: string): Promise<CouchUser>;
  /** Create `user`'s private database, readable and writable by them only; returns its name. */
  createPrivateDb(user: CouchUser): Promise<string>;
  /** Create a team database (a name unique to this server) whose members are these users; returns its name. */
  createTeamDb(members: CouchUser[]): Promise<string>;
  /** Make these users the only members of a database (a member left out loses access). */
  setMembers(db: string, members: CouchUser[]): Promise<void>;
  /** Every live document of a database (read as the admin), design documents excluded. */
  documents(db: string): Promise<Record<string, unknown>[]>;
  /** Stop the server (when this fixture started it) and remove its directory. */
  stop(): Promise<void>;
}

/** The couch_peruser name of a user's private database: `userdb-` and the name's UTF-8 bytes in hex. */
export const privateDbName = (user: string): string => `userdb-${Buffer.from(user, 'utf8').toString('hex')}`;

/** Start a server (or connect to TEND_COUCHDB_URL) with an admin, a user and the user's private database. */
export async function startCouchServer(): Promise<CouchServer> {
  const external = process.env.TEND_COUCHDB_URL;
  const started = external ? undefined : await startPouchDbServer();
  const base = new URL(external ?? started!.url);
  const admin: CouchUser = external
    ? { name: decodeURIComponent(base.username), password: decodeURIComponent(base.password) }
    : { name: 'admin', password: secret() };
  base.username = '';
  base.password = '';
  const url = base.href.replace(/\/$/, '');
  const call: CouchServer['call'] = (method, path, options = {}) => httpJson(method, url + path, options.as, options.body);
  if (!external) {
    // pouchdb-server starts in "admin party": the first admin ends it.
    await expectOk(call('PUT', `/_config/admins/${admin.name}`, { body: admin.password }), 'create the admin');
  }
  const createUser: CouchServer['createUser'] = async (prefix = 'user') => {
    const user = { name: `${prefix}-${randomBytes(4).toString('hex')}`, password: secret() };
    await expectOk(
      call('PUT', `/_users/org.couchdb.user:${encodeURIComponent(user.name)}`, {
        as: admin,
        body: { name: user.name, password: user.password, roles: [], type: 'user' },
      }),
      `create user ${user.name}`,
    );
    return user;
  };
  const createPrivateDb: CouchServer['createPrivateDb'] = async (user) => {
    const db = privateDbName(user.name);
    await expectOk(call('PUT', `/${db}`, { as: admin }), `create ${db}`);
    const security = { admins: { names: [], roles: [] }, members: { names: [user.name], roles: [] } };
    await expectOk(call('PUT', `/${db}/_security`, { as: admin, body: security }), `secure ${db}`);
    return db;
  };
  const setMembers: CouchServer['setMembers'] = async (db, members) => {
    const security = { admins: { names: [], roles: [] }, members: { names: members.map((member) => member.name), roles: [] } };
    await expectOk(call('PUT', `/${db}/_security`, { as: admin, body: security }), `secure ${db}`);
  };
  const createTeamDb: CouchServer['createTeamDb'] = async (members) => {
    const db = `team-${randomBytes(4).toString('hex')}`;
    await expectOk(call('PUT', `/${db}`, { as: admin }), `create ${db}`);
    await setMembers(db, members);
    return db;
  };
  const user = await createUser('alice');
  const userDb = await createPrivateDb(user);
  return {
    url,
    admin,
    user,
    userDb,
    call,
    createUser,
    createPrivateDb,
    createTeamDb,
    setMembers,
    async documents(db) {
      const answer = await expectOk(call('GET', `/${db}/_all_docs?include_docs=true`, { as: admin }), `read ${db}`);
      const rows = (answer.body as { rows: { id: string; doc: Record<string, unknown> }[] }).rows;
      return rows.filter((row) => !row.id.startsWith('_design/')).map((row) => row.doc);
    },
    stop: async () => started?.stop(),
  };
}

const secret = () => randomBytes(12).toString('hex');
