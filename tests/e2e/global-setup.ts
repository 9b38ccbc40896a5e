import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath } from './harness';

/** The e2e tier never skips: without a built extension or a browser it fails, saying why. */
export default function checkPrerequisites(): void {
  if (!existsSync(resolve('.output/chrome-mv3/manifest.json'))) {
    throw new Error('e2e: no built extension in .output/chrome-mv3. Run `npm run build` first (npm test does).');
  }
  if (!existsSync(chromiumPath())) {
    throw new Error(`e2e: no Chromium at ${chromiumPath()}. Install Debian's package: apt-get install -y chromium`);
  }
}
