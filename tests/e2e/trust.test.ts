import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Tend } from './harness';
import { Popup } from './pages/popup';
import { SidePanel } from './pages/side-panel';

// Let Playwright see (and route) requests made by the extension's service worker too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

let tend: Tend | undefined;
afterEach(async () => {
  await tend?.close();
  tend = undefined;
});

test('privacy: a full round of use makes zero network requests from any extension context', async () => {
  tend = await Tend.launch();
  const fromExtension: string[] = [];
  tend.context.on('request', (request) => {
    const frameUrl = request.serviceWorker()?.url() ?? (request.frame()?.url() || '');
    const web = /^https?:/.test(request.url());
    if (web && frameUrl.startsWith('chrome-extension://')) fromExtension.push(request.url());
  });
  // The counter itself works: a request made from an extension page and one from the worker are seen.
  const probe = await tend.context.newPage();
  await probe.goto(tend.url('options'));
  await probe.evaluate(() => fetch('https://people.example/probe').catch(() => undefined));
  await (await tend.worker()).evaluate(() => fetch('https://people.example/probe-worker').catch(() => undefined));
  await expect.poll(() => fromExtension.length).toBe(2);
  fromExtension.length = 0;
  await probe.close();

  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson('Ada Lovelace');
  await panel.addNote('Private: her health, not to be shared.');
  await panel.history.first().waitFor();
  const popup = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  await popup.page.getByRole('button', { name: 'Remove Ada Lovelace' }).click();
  await popup.page.getByLabel('Add a person').fill('lovelace');
  await popup.page.getByRole('option', { name: /Ada Lovelace/ }).waitFor();
  const options = await tend.context.newPage();
  await options.goto(tend.url('options'));
  await options.getByRole('heading', { name: 'Tend settings' }).waitFor();
  await gmail.waitForTimeout(500);
  console.info(`trust: network: extension requests to the web during a full round of use = ${fromExtension.length}`);
  expect(fromExtension).toEqual([]);
});

test('boundaries: web pages cannot message Tend; the manifest asks only for what is used; no eval', async () => {
  tend = await Tend.launch();
  const page = await tend.open('https://people.example/team?tend-fixture=mailto-links');
  // Without externally_connectable, pages get no runtime.sendMessage to reach an extension.
  expect(await page.evaluate(() => typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');

  const manifest = JSON.parse(readFileSync(resolve(process.env.TEND_EXTENSION ?? '.output/chrome-mv3', 'manifest.json'), 'utf8'));
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.content_security_policy).toBeUndefined();
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  for (const host of manifest.host_permissions) expect(host).toMatch(/^https:\/\/([\w*-]+\.)?(google|live|office|office365|github|linkedin)\.com\//);
  const used = ['storage', 'sidePanel', 'activeTab', 'scripting', 'contextMenus', 'notifications', 'alarms'];
  for (const permission of manifest.permissions) expect(used).toContain(permission);
  const worker = await tend.worker();
  const code = await worker.evaluate(async () => (await fetch('/background.js')).text());
  expect(code).not.toMatch(/\beval\(|new Function\(/);
  console.info(`trust: permissions: ${manifest.permissions.length} API permissions, ${manifest.host_permissions.length} mail and profile hosts, other sites optional`);
});

test('durability: a note survives the worker stopping and the browser restarting', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'tend-profile-'));
  try {
    tend = await Tend.launch(profile);
    const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
    const tabId = await tend.tabIdOf(gmail);
    const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
    await panel.openPerson('Katherine Johnson');
    await panel.addNote('Remember: she prefers mornings.');
    await expect.poll(() => panel.historyTexts().then((h) => h[0])).toContain('prefers mornings');
    await tend.stopServiceWorker(gmail);
    await tend.close();

    tend = await Tend.launch(profile);
    const again = await tend.openGmail('thread-second', '#inbox/thread-two');
    const reopened = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(again)}`));
    await reopened.openPerson('Katherine Johnson');
    await expect.poll(() => reopened.historyTexts().then((h) => h[0])).toContain('Remember: she prefers mornings.');
    console.info('trust: durability: notes lost across a worker stop and a browser restart = 0');
  } finally {
    await tend?.close();
    tend = undefined;
    rmSync(profile, { recursive: true, force: true });
  }
});
