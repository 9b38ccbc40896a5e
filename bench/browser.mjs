/**
 * Headless Debian Chromium for the bench, with no network: one fake https origin answers a blank
 * page (cross-origin isolated, so performance.now() is precise to 5 µs instead of 100 µs) and
 * every other request is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/** The only URL the bench's browser can load. */
export const BENCH_URL = 'https://bench.tend.example/';

/** Chromium's flags for the bench, as the e2e harness sets them: no sandbox (root), no GPU, nothing fetched. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {URL} url */
const isWebUrl = (url) => url.protocol === 'http:' || url.protocol === 'https:';

/** Launch Chromium as the e2e harness does (TEND_CHROMIUM overrides the path). */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.TEND_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: BROWSER_ARGS,
  });
  const context = await browser.newContext();
  await serveBlankPage(context);
  return { browser, context };
}

/**
 * Answer BENCH_URL with a blank cross-origin-isolated page and refuse every other web request
 * (an extension's own pages, chrome-extension:// URLs, still load).
 * @param {import('playwright-core').BrowserContext} context
 */
export async function serveBlankPage(context) {
  await context.route(isWebUrl, (route) => {
    if (route.request().url() !== BENCH_URL) return route.abort('blockedbyclient');
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
      body: '<!doctype html><html><head><title>bench</title></head><body></body></html>',
    });
  });
}

/**
 * A fresh tab on the blank page with the bench bundle injected (`globalThis.tendBench`).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} bundle
 */
export async function openBenchPage(context, bundle) {
  const page = await context.newPage();
  await page.goto(BENCH_URL);
  await page.addScriptTag({ content: bundle });
  const isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
  if (!isolated) console.warn('bench: page is not cross-origin isolated; timer resolution is 100 µs');
  return page;
}

/**
 * Run `work` in Chromium on a fresh disk-backed profile (IndexedDB on disk, as users have it: an
 * incognito context keeps it in memory), with the built extension loaded (TEND_EXTENSION
 * overrides its folder) unless `extension` is false; the profile is removed after.
 * @template T
 * @param {string} name the profile folder's prefix
 * @param {{ extension?: boolean } & NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>} options
 * @param {(context: import('playwright-core').BrowserContext) => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function withDiskProfile(name, options, work) {
  const { extension = true, args = [], ...launch } = options;
  const folder = resolve(process.env.TEND_EXTENSION ?? '.output/chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), `tend-bench-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TEND_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ...launch,
    args: [...(extension ? [`--disable-extensions-except=${folder}`, `--load-extension=${folder}`] : []), ...BROWSER_ARGS, ...args],
  });
  try {
    return await work(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The extension's service worker (Chrome starts it on install).
 * @param {import('playwright-core').BrowserContext} context
 */
export async function extensionWorker(context) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
}

/**
 * Refuse every web request (extension pages still load): the bench reaches nothing.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function refuseWebRequests(context) {
  await context.route(isWebUrl, (route) => route.abort('blockedbyclient'));
}
