import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Import a TypeScript module in Node (20 runs no TypeScript itself): bundled by esbuild into a
 * temporary .mjs, playwright-core left to Node.
 * @param {URL} entry
 * @returns {Promise<any>}
 */
export async function importTypeScript(entry) {
  const result = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['playwright-core'],
    write: false,
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`bench: esbuild produced no module for ${entry.pathname}`);
  const folder = mkdtempSync(join(tmpdir(), 'tend-bench-module-'));
  const file = join(folder, 'module.mjs');
  writeFileSync(file, output.text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
