/**
 * Repositories own keys and invariants: nothing outside utils/db opens a transaction or an object
 * store, or uses the database's shortcuts (`db.get('contacts', id)`, `db.getAllFromIndex(...)`).
 * Services open transactions with readTx/writeTx and hand them to the repository functions.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { openTendDb } from '../../utils/db/open';
import { sourceFiles } from './source-files';

// Paths are relative to the project root, where vitest runs (its config sets `root`).
const SCANNED = ['utils', 'components', 'entrypoints'];
const OWNER = 'utils/db/';

/**
 * Folders still allowed to reach into stores, each with why and until when. Temporary: the list
 * only shrinks, and an entry that no longer covers any access fails the test below.
 */
const TEMPORARY_EXEMPTIONS: Record<string, string> = {
  // None are left: utils/portability, the last, reaches its stores through repositories (issue 13).
};

/** Methods that reach a store whatever they are called on. */
const ALWAYS = new Set(['objectStore', 'transaction', 'getFromIndex', 'getKeyFromIndex', 'getAllFromIndex', 'getAllKeysFromIndex', 'countFromIndex']);
/** idb's database shortcuts: each takes a store name first. */
const SHORTCUTS = new Set(['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'put', 'add', 'delete', 'clear']);
/** What a database is called here: `db`, `(await db)`, `this.db`, `optionsDb`, `database`. */
const DATABASE_NAME = /^(db|\w+Db|database)$/;
/** What a transaction is called here: `tx`, `readTx(...)`, `writeTx(...)`. */
const TX_NAME = /^(tx|\w+Tx)$/;

/** The expression under `await` and parentheses. */
function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  return node;
}

/** The name an expression ends in: `db`, `this.db`, `readTx(...)` give db, db, readTx. */
function nameOf(node: ts.Expression): string | undefined {
  const inner = unwrap(node);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner)) return inner.name.text;
  if (ts.isCallExpression(inner)) return nameOf(inner.expression);
  return undefined;
}

/** A method call's receiver and name: `a.b(...)` and `a['b'](...)`. */
function methodOf(call: ts.CallExpression): { receiver: ts.Expression; name: string } | undefined {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return { receiver: callee.expression, name: callee.name.text };
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
    return { receiver: callee.expression, name: callee.argumentExpression.text };
  }
  return undefined;
}

/**
 * Whether a text has any word a store access needs (most files have none): parsing only those
 * keeps the scan under a second on a busy machine. Looser than the scan, never stricter.
 */
function couldReachAStore(text: string, stores: ReadonlySet<string>): boolean {
  if (/objectStore|transaction|FromIndex|\.store\b|\bdb\b|Db\b|database/.test(text)) return true;
  return [...stores].some((store) => text.includes(`'${store}'`) || text.includes(`"${store}"`) || text.includes(`\`${store}\``));
}

/** Every store access in a source text, as `line: code`. */
function storeAccesses(fileName: string, text: string, stores: ReadonlySet<string>): string[] {
  if (!couldReachAStore(text, stores)) return [];
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${line}: ${node.getText().split('\n')[0]}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const method = methodOf(node);
      const first = node.arguments[0];
      if (
        method &&
        (ALWAYS.has(method.name) ||
          (SHORTCUTS.has(method.name) &&
            (DATABASE_NAME.test(nameOf(method.receiver) ?? '') || (first !== undefined && ts.isStringLiteralLike(first) && stores.has(first.text)))))
      ) {
        report(node);
      }
    }
    // `tx.store` is the object store of a one-store transaction.
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'store' && TX_NAME.test(nameOf(node.expression) ?? '')) report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Tend's store names, as the database really has them. */
async function storeNames(): Promise<Set<string>> {
  const db = await openTendDb('store-names');
  const names = new Set(db.objectStoreNames as Iterable<string>);
  db.close();
  return names;
}

/** Every store access outside utils/db, by file (relative to the root, with forward slashes). */
async function accessesOutsideDb(): Promise<Map<string, string[]>> {
  const stores = await storeNames();
  const byFile = new Map<string, string[]>();
  for (const path of SCANNED.flatMap((dir) => sourceFiles(dir))) {
    const file = path.split('\\').join('/');
    if (file.startsWith(OWNER)) continue;
    const found = storeAccesses(file, readFileSync(path, 'utf8'), stores);
    if (found.length > 0) byFile.set(file, found);
  }
  return byFile;
}

// Scan once for all tests.
let scan: Promise<Map<string, string[]>> | undefined;
const scanned = () => (scan ??= accessesOutsideDb());
const SCAN_TIMEOUT = 60_000;

const exemptionOf = (file: string) => Object.keys(TEMPORARY_EXEMPTIONS).find((prefix) => file.startsWith(prefix));

describe('store access stays inside utils/db', () => {
  test(
    'no file outside utils/db (and its named exemptions) opens a store or transaction',
    async () => {
      const offending = [...(await scanned())].filter(([file]) => !exemptionOf(file));
      expect(Object.fromEntries(offending)).toEqual({});
    },
    SCAN_TIMEOUT,
  );

  test(
    'every temporary exemption still covers an access (delete it once its folder is converted)',
    async () => {
      const files = [...(await scanned()).keys()];
      for (const [prefix, why] of Object.entries(TEMPORARY_EXEMPTIONS))
        expect(
          files.some((file) => file.startsWith(prefix)),
          `${prefix} (${why})`,
        ).toBe(true);
    },
    SCAN_TIMEOUT,
  );

  test('the scan sees each way of reaching a store, and not look-alikes', () => {
    const stores = new Set(['contacts', 'interactions', 'timeline']);
    const code = [
      "const tx = db.transaction(['contacts'], 'readonly');",
      "await tx.objectStore('contacts').get(id);",
      "await db.getAll('contacts');",
      "await (await db).getAll('contacts');",
      'await db.getAll(store, range, 10);',
      "await this.db.delete('timeline', key);",
      "await optionsDb().then((d) => d.count('interactions'));",
      "await db.getAllFromIndex('followUps', 'by-contact', id);",
      "await readTx(db, ['followUps']).store.getAll();",
      "await tx['objectStore']('contacts');",
      // Look-alikes: a Map, a Set, a cache keyed by a word that is not a store.
      'people.get(id);',
      "cache.get('contact');",
      'seen.add(id);',
      "change.store === 'contacts';",
    ].join('\n');
    expect(storeAccesses('sample.ts', code, stores).map((hit) => Number(hit.split(':')[0]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
