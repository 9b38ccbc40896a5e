import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

// No browser needed: the built bundles are read as text. The polyfill's UMD wrapper names its
// module (`define('webextension-polyfill', ...)`) and it wraps `getBackgroundPage`: either shows it.
const BUILD = resolve(process.env.TEND_EXTENSION ?? '.output/chrome-mv3');
const POLYFILL_MARK = /webextension-polyfill|getBackgroundPage/;

test('no content script carries the webextension-polyfill; the worker still does', () => {
  const scripts = readdirSync(resolve(BUILD, 'content-scripts')).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThanOrEqual(4);
  const withPolyfill = scripts.filter((file) => POLYFILL_MARK.test(readFileSync(resolve(BUILD, 'content-scripts', file), 'utf8')));
  expect(withPolyfill).toEqual([]);
  // The mark is a real one: the worker's bundle, built with the polyfill, shows it.
  expect(readFileSync(resolve(BUILD, 'background.js'), 'utf8')).toMatch(POLYFILL_MARK);
});

test("content scripts run on Tend's slim context (utils/content/script-context.ts), not WXT's full one", () => {
  for (const file of readdirSync(resolve(BUILD, 'content-scripts')).filter((name) => name.endsWith('.js'))) {
    const source = readFileSync(resolve(BUILD, 'content-scripts', file), 'utf8');
    expect(source, file).toContain('Content script context invalidated');
    // WXT's class wraps requestIdleCallback; Tend's does not.
    expect(source, file).not.toContain('requestIdleCallback');
  }
});

// The bench's size row (bench/sizes.mjs) measures the same way; this keeps a build over the
// budget from passing the e2e tier unnoticed between bench runs.
test('every content script stays within 8 KB gzipped', () => {
  const sizes = readdirSync(resolve(BUILD, 'content-scripts'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => [file, gzipSync(readFileSync(resolve(BUILD, 'content-scripts', file)), { level: 9 }).length] as const);
  expect(sizes.length).toBeGreaterThanOrEqual(4);
  expect(sizes.filter(([, bytes]) => bytes > 8192)).toEqual([]);
});
