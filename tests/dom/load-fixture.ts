import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Parse a saved-shape fixture (tests/fixtures/<site>/<name>.html) into a detached Document. */
export function loadFixture(site: string, name: string): Document {
  const html = readFileSync(resolve('tests/fixtures', site, `${name}.html`), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}
