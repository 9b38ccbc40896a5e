import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { DECLARED_SITE_MATCHES, DECLARED_SITES, GRANTABLE_SITE_MATCHES } from '../../utils/sites';

interface BuiltManifest {
  host_permissions: string[];
  optional_host_permissions: string[];
  content_scripts: { matches: string[]; js: string[] }[];
}

// No browser needed: the built manifest is compared with the site descriptors it derives from.
test('the built manifest asks for exactly the pages the site descriptors declare, each content script for its sites', () => {
  const manifest: BuiltManifest = JSON.parse(readFileSync(resolve(process.env.TEND_EXTENSION ?? '.output/chrome-mv3', 'manifest.json'), 'utf8'));
  expect(manifest.host_permissions).toEqual(DECLARED_SITE_MATCHES);
  expect(manifest.optional_host_permissions).toEqual(GRANTABLE_SITE_MATCHES);

  const fileOf = (site: (typeof DECLARED_SITES)[number]) => `content-scripts/${site.contentScript}.js`;
  const files = [...new Set(DECLARED_SITES.map(fileOf))];
  const patternsOf = (file: string) => DECLARED_SITES.filter((site) => fileOf(site) === file).flatMap((site) => site.matches);
  const declared = new Map(files.map((file) => [file, patternsOf(file).sort()]));
  const built = new Map(manifest.content_scripts.map((script) => [script.js.join(), [...script.matches].sort()]));
  expect(built).toEqual(declared);
});
