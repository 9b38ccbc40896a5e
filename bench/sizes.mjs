/**
 * Built content-script sizes, gzipped at level 9 as a store would serve them. Budget: 8 KB each
 * (issue 16; tests/e2e/content-script-bundles.test.ts holds the built files to it too). Where a
 * script's bytes go: bundle its entrypoint with esbuild's `metafile` and read each input's
 * `bytesInOutput` (Vite's minifier differs a little, the ranking does not).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where WXT puts the built content scripts (TEND_EXTENSION: another build folder, as the e2e tests take). */
export const CONTENT_SCRIPTS = join(process.env.TEND_EXTENSION ?? '.output/chrome-mv3', 'content-scripts');

/**
 * One `{file, bytes, gzipBytes}` per built content script, by name.
 * @returns {{file: string, bytes: number, gzipBytes: number}[]}
 */
export function contentScriptSizes() {
  if (!existsSync(CONTENT_SCRIPTS)) throw new Error(`bench: no ${CONTENT_SCRIPTS}; run \`npm run bench\` (it builds first)`);
  return readdirSync(CONTENT_SCRIPTS)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const source = readFileSync(join(CONTENT_SCRIPTS, file));
      return { file, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
    });
}
