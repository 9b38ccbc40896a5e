import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tend } from './harness';

/** The part of `chrome` these checks read, in the worker and in pages. */
interface I18nGlobals {
  chrome: {
    i18n: { getMessage(name: string, substitutions?: string[]): string; getUILanguage(): string };
    management: { getSelf(): Promise<{ name: string; description: string }> };
    action: { getTitle(details: object): Promise<string> };
    commands: { getAll(): Promise<{ name?: string; description?: string }[]> };
  };
  tend: { logMenuEntry(): { title?: string } };
}

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

/** Headings, buttons and labels whose text came out empty: what a message Chrome cannot find renders as. */
const emptyTexts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, button, label, summary')]
      .filter((element) => !element.textContent?.trim() && !element.getAttribute('aria-label'))
      .map((element) => element.outerHTML.slice(0, 120)),
  );

test('the manifest is resolved: name, description, toolbar title and shortcut descriptions are English, not __MSG_ keys', async () => {
  const worker = await tend.worker();
  const seen = await worker.evaluate(async () => {
    // Serialised into the worker: the cast is written out here, not shared.
    const { chrome } = globalThis as unknown as I18nGlobals;
    return {
      self: await chrome.management.getSelf(),
      title: await chrome.action.getTitle({}),
      commands: await chrome.commands.getAll(),
    };
  });
  expect(seen.self.name).toBe('Tend');
  expect(seen.self.description).toMatch(/^Remembers people for you/);
  expect(seen.title).toBe('Tend');
  const descriptions = Object.fromEntries(seen.commands.map((command) => [command.name, command.description]));
  expect(descriptions['open-side-panel']).toBe('Open the side panel');
  expect(JSON.stringify(seen)).not.toContain('__MSG_');
});

test('the service worker reads messages: the context menu title, a notification title with its placeholder', async () => {
  const worker = await tend.worker();
  const seen = await worker.evaluate(() => {
    const { chrome, tend } = globalThis as unknown as I18nGlobals;
    return {
      menu: tend.logMenuEntry().title,
      logged: chrome.i18n.getMessage('notifyLoggedFor', ['Ada Lovelace']),
      plural: chrome.i18n.getMessage('countPeople_other', ['3']),
      language: chrome.i18n.getUILanguage(),
    };
  });
  expect(seen).toEqual({ menu: 'Log this interaction', logged: 'Logged for Ada Lovelace', plural: '3 people', language: expect.stringMatching(/^en/) });
});

test('each extension page shows its English words, title and language', async () => {
  const popup = await tend.open(tend.url('popup'));
  await popup.getByRole('heading', { name: 'Quick note', level: 1 }).waitFor();
  await popup.getByRole('button', { name: 'Open side panel' }).waitFor();

  const panel = await tend.open(tend.url('sidepanel'));
  const views = panel.getByRole('navigation', { name: 'Views' }).getByRole('button');
  await expect.poll(() => views.allInnerTexts()).toEqual(['This page', 'People', 'Search', 'Follow-ups']);

  const options = await tend.open(tend.url('options'));
  await options.getByRole('heading', { name: 'Tend settings', level: 1 }).waitFor();
  // A message with a placeholder, filled by Chrome in the page.
  await options.getByText('Always: Gmail, ').waitFor();

  for (const [page, title] of [
    [popup, 'Tend'],
    [panel, 'Tend'],
    [options, 'Tend settings'],
  ] as const) {
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/__MSG_|\$[A-Z]+\$/);
    expect(await emptyTexts(page)).toEqual([]);
  }
});

test('the empty-text check can fail', async () => {
  const page = await tend.open(tend.url('options'));
  await page.getByRole('heading', { name: 'Tend settings', level: 1 }).waitFor();
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { textContent: '' })));
  expect(await emptyTexts(page)).toEqual(['<button></button>']);
});
