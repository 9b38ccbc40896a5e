/**
 * `pouchdb-server --in-memory` as a child process on a free 127.0.0.1 port, and plain JSON
 * requests to it: shared by the sync tests (couch-server.ts) and `npm run bench` (plain Node, so
 * JavaScript with JSDoc types). Requests go through node:http, so a test environment's own `fetch`
 * (happy-dom's) cannot change them.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A user name and password on the server.
 * @typedef {{ name: string, password: string }} CouchUser
 */
/**
 * What a request answered: its status and parsed JSON body (the text when not JSON).
 * @typedef {{ status: number, body: unknown }} CouchAnswer
 */

const BIN = resolve(import.meta.dirname, '../../node_modules/.bin/pouchdb-server');
const READY_WITHIN_MS = 30_000;

/**
 * Start pouchdb-server in a temporary directory (it writes config.json and log.txt into its cwd)
 * on a free port; resolves once GET / answers. `stop` kills it by its pid and removes the directory.
 * @returns {Promise<{ url: string, stop(): Promise<void> }>}
 */
export async function startPouchDbServer() {
  const cwd = await mkdtemp(join(tmpdir(), 'tend-couch-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (/** @type {Buffer} */ chunk) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  /** @type {Promise<void>} */
  const exited = new Promise((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
    await exited;
    await rm(cwd, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`pouchdb-server exited with ${child.exitCode}: ${stderr}`);
    }
    const answer = await httpJson('GET', `${url}/`).catch(() => undefined);
    if (answer?.status === 200) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pouchdb-server did not answer on ${url} within ${READY_WITHIN_MS} ms: ${stderr}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * A port nothing listens on right now (the OS picks it).
 * @returns {Promise<number>}
 */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * One HTTP request with a JSON body and answer, with Basic credentials when given.
 * @param {string} method @param {string} href @param {CouchUser} [as] @param {unknown} [body]
 * @returns {Promise<CouchAnswer>}
 */
export function httpJson(method, href, as, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (as) headers.Authorization = `Basic ${Buffer.from(`${as.name}:${as.password}`).toString('base64')}`;
  return new Promise((done, fail) => {
    const req = request(href, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (/** @type {string} */ chunk) => (text += chunk));
      res.on('end', () => {
        /** @type {unknown} */
        let parsed = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Not JSON: kept as text for the error message.
        }
        done({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', fail);
    req.end(payload);
  });
}

/**
 * A request's answer, or an error naming what could not be done when its status is 300 or more.
 * @param {Promise<CouchAnswer>} pending @param {string} what
 */
export async function expectOk(pending, what) {
  const answer = await pending;
  if (answer.status >= 300) throw new Error(`Test server: could not ${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}
