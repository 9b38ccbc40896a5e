import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { parseDemoArgs } from '../../scripts/demo/main';
import { SCREENSHOTS } from '../../scripts/demo/screenshots';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header chunk (which must come first). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('`npm run demo -- --screenshots DIR` writes the side panel (light and dark), compact card, People view, popup, options and welcome pictures', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'tend-demo-'));
  try {
    // The command `npm run demo` runs after building; the e2e tier's build is already there (TEND_EXTENSION).
    const { stdout } = await promisify(execFile)('node', ['scripts/demo.mjs', '--screenshots', folder], { timeout: 55_000 });
    const pictures = Object.values(SCREENSHOTS);
    // The README's table shows each of these (issue 14 added the card, the People view and the welcome page).
    expect(pictures.map(({ file }) => file)).toEqual([
      'side-panel.png',
      'side-panel-dark.png',
      'card.png',
      'people.png',
      'popup.png',
      'options.png',
      'welcome.png',
    ]);
    expect(stdout.trim().split('\n')).toEqual(pictures.map(({ file }) => `demo: wrote ${join(folder, file)}`));
    const files = new Map<string, Buffer>();
    for (const { file, width, height } of pictures) {
      const png = await readFile(join(folder, file));
      expect(pngSize(png), file).toEqual({ width, height });
      // A page with people, a card and a history compresses to tens of kilobytes; a blank one to a few hundred bytes.
      expect(png.length, file).toBeGreaterThan(15_000);
      files.set(file, png);
    }
    expect(files.get(SCREENSHOTS.sidePanel.file)!.equals(files.get(SCREENSHOTS.sidePanelDark.file)!)).toBe(false);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}, 60_000);

test('the demo refuses a --screenshots without a folder, rather than writing somewhere unexpected', () => {
  expect(parseDemoArgs([])).toEqual({});
  expect(parseDemoArgs(['--screenshots', 'shots'])).toEqual({ screenshots: 'shots' });
  expect(() => parseDemoArgs(['--screenshots'])).toThrow(/usage: npm run demo/);
  expect(() => parseDemoArgs(['--screenshot', 'shots'])).toThrow(/usage: npm run demo/);
});
