import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath } from './harness';

/** The e2e tier never skips: without a built extension or a browser it fails, saying why. */
export default function checkPrerequisites(): void {
  const extension = resolve(process.env.TEND_EXTENSION ?? '.output/chrome-mv3');
  if (!existsSync(resolve(extension, 'manifest.json'))) {
    throw new Error(`e2e: no built extension in ${extension}. Run \`npm run build\` first (npm test does).`);
  }
  if (!existsSync(chromiumPath())) {
    throw new Error(`e2e: no Chromium at ${chromiumPath()}. Install Debian's package: apt-get install -y chromium`);
  }
}
