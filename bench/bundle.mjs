import { build } from 'esbuild';

/**
 * Bundle a bench's in-page half (TypeScript and the real recognisers or repos) into one script
 * to evaluate in the page.
 * @param {URL} entry
 */
export async function bundleForPage(entry) {
  const result = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`bench: esbuild produced no bundle for ${entry.pathname}`);
  return output.text;
}
