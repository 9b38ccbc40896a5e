/**
 * The worker is the only writer: no extension page (options, popup, side panel) and no component
 * reaches the database code, directly or through the modules it imports. Every import of those
 * folders is followed through the project's own files, type-only imports included.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const PAGE_FOLDERS = ['components', 'entrypoints/options', 'entrypoints/popup', 'entrypoints/sidepanel'];
const FORBIDDEN = 'utils/db/';

/** Every .ts/.tsx file under a folder of the project. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

// `from '...'` (imports and re-exports, `import type` too), side-effect imports, dynamic import().
const SPECIFIERS = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];

/** The project file an import specifier of `from` names, or undefined for packages. */
function resolveImport(from: string, specifier: string): string | undefined {
  // WXT's aliases (@/, ~/, @@/, ~~/) name the project root.
  const alias = /^(?:@@|~~|@|~)\/(.*)$/.exec(specifier);
  if (!alias && !specifier.startsWith('.')) return undefined;
  const base = alias ? join(ROOT, alias[1]!) : resolve(ROOT, dirname(from), specifier);
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
  return found && relative(ROOT, found);
}

/** The project files one file imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = SPECIFIERS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
  return specifiers.flatMap((specifier) => resolveImport(file, specifier) ?? []);
}

/** For each start file that reaches utils/db, the chain of imports that gets there. */
function pathsIntoDb(starts: string[]): string[][] {
  const found: string[][] = [];
  for (const start of starts) {
    const seen = new Set([start]);
    const queue: string[][] = [[start]];
    while (queue.length > 0) {
      const chain = queue.shift()!;
      const hit = importsOf(chain.at(-1)!).find((file) => file.startsWith(FORBIDDEN));
      if (hit) {
        found.push([...chain, hit]);
        break;
      }
      for (const next of importsOf(chain.at(-1)!)) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push([...chain, next]);
      }
    }
  }
  return found;
}

test('the scanner sees an import into utils/db, direct or through another module', () => {
  // The worker's wiring opens the database: the scanner must say so, with the chain.
  expect(pathsIntoDb(['entrypoints/background/index.ts'])[0]).toEqual(['entrypoints/background/index.ts', 'utils/db/open.ts']);
  const [chain] = pathsIntoDb(['utils/services/handlers.ts']);
  expect(chain?.at(-1)).toMatch(/^utils\/db\//);
});

test('no page or component imports utils/db, not even through another module', () => {
  const starts = PAGE_FOLDERS.flatMap(sourceFiles);
  expect(starts.length).toBeGreaterThan(50);
  expect(pathsIntoDb(starts).map((chain) => chain.join(' -> '))).toEqual([]);
  // It reads and parses every module the pages reach: seconds on a loaded machine (5 s was too short at load 20).
}, 60_000);
