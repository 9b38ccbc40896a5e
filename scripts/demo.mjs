// `npm run demo` (after `wxt build`): see scripts/demo/main.ts. The demo reuses the e2e harness
// and page objects, which are TypeScript; Node 20 runs no TypeScript, so esbuild bundles them into
// one module first (packages stay in node_modules, where the bundle is written so they resolve).
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A folder given on the command line is where the user was (npm sets INIT_CWD to that).
const startedIn = process.env.INIT_CWD ?? process.cwd();
// The harness finds the extension, fixtures and sample pages from the project folder.
process.chdir(root);
// TEND_OUT_DIR builds elsewhere (wxt.config.ts); the harness loads TEND_EXTENSION.
if (!process.env.TEND_EXTENSION && process.env.TEND_OUT_DIR) process.env.TEND_EXTENSION = join(process.env.TEND_OUT_DIR, 'chrome-mv3');

const bundle = join(root, 'node_modules', '.cache', 'tend-demo', `demo-${process.pid}.mjs`);
await build({
  entryPoints: [join(root, 'scripts/demo/main.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
let runDemo;
try {
  ({ runDemo } = await import(pathToFileURL(bundle).href));
} finally {
  rmSync(bundle, { force: true });
}
try {
  process.exitCode = await runDemo(process.argv.slice(2), startedIn);
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
