import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { Tend } from './harness';
import { WorkerProbe } from './pages/follow-ups';
import { SidePanel } from './pages/side-panel';

// Google Calendar's week view with an event's details popup, served at its real URL from
// tests/fixtures/google-calendar/event-popup.html (signed in as me@tend.example, a guest too).
const EVENT_POPUP_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/3/12?tend-fixture=event-popup';

let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

/** Every entry in the database, as [kind, summary, at] (read in the worker). */
async function entries(): Promise<[string, string, number][]> {
  return (await tend.worker()).evaluate(
    () =>
      new Promise<[string, string, number][]>((resolve) => {
        const open = indexedDB.open('tend');
        open.onsuccess = () => {
          const all = open.result.transaction('interactions').objectStore('interactions').getAll();
          all.onsuccess = () => resolve((all.result as { kind: string; summary: string; at: number }[]).map((e) => [e.kind, e.summary, e.at]));
        };
      }),
  );
}

test('a calendar event lists its guests in the side panel; "Log this meeting" adds one meeting entry per guest, twice clicked still one', async () => {
  const page = await tend.open(EVENT_POPUP_URL);
  const tabId = await tend.tabIdOf(page);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  const meeting = panel.page.getByRole('region', { name: 'Meeting' });
  await meeting.getByText('Quarterly review with the navy').waitFor();
  // The user (a guest too) is left out; the guests are saved people, each opening their card.
  await expect.poll(() => panel.peopleNames()).toEqual(['Grace Hopper', 'Ada Lovelace', 'Katherine Johnson']);
  expect(await meeting.getByText('3 guests besides you').count()).toBe(1);
  expect(await tend.contactCount()).toBe(3);
  // Opening the event recorded nothing: the calendar's automatic history is off by default.
  expect(await entries()).toEqual([]);

  for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(panel.page, scheme)).toEqual([]);

  const log = meeting.getByRole('button', { name: 'Log this meeting' });
  await log.click();
  await meeting.getByRole('status').filter({ hasText: 'Meeting logged on 3 guests.' }).waitFor();
  const start = new Date(2026, 2, 12, 15, 0).getTime();
  expect((await entries()).sort()).toEqual([
    ['meeting', 'Quarterly review with the navy', start],
    ['meeting', 'Quarterly review with the navy', start],
    ['meeting', 'Quarterly review with the navy', start],
  ]);

  await log.click();
  await meeting.getByRole('status').filter({ hasText: 'already logged on its 3 guests' }).waitFor();
  expect(await entries()).toHaveLength(3);

  await panel.openPerson('Grace Hopper');
  await expect.poll(() => panel.historyTexts()).toEqual([expect.stringContaining('Quarterly review with the navy')]);
  await Promise.all([page.close(), panel.page.close()]);
});

test('the event page (its own URL) lists the guests from the form, the user left out', async () => {
  const eid = 'N2hiM24wc2syZDlmMXE0dzZlOHIwdDJ5MXVfMjAyNjAzMTJUMTUwMDAwWiBtZUB0ZW5kLmV4YW1wbGU';
  const page = await tend.open(`https://calendar.google.com/calendar/u/0/r/eventedit/${eid}?tend-fixture=event-page`);
  const tabId = await tend.tabIdOf(page);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.page.getByRole('region', { name: 'Meeting' }).getByText('Launch night').waitFor();
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace', 'Margaret Hamilton']);
  await Promise.all([page.close(), panel.page.close()]);
});

test("an Outlook calendar event's peek (Outlook's content script, its calendar pages) lists its guests; Log this meeting logs each once", async () => {
  const page = await tend.open('https://outlook.office.com/calendar/view/week?tend-fixture=event-peek');
  const tabId = await tend.tabIdOf(page);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  const meeting = panel.page.getByRole('region', { name: 'Meeting' });
  await meeting.getByText('Design review').waitFor();
  await expect.poll(() => panel.peopleNames()).toEqual(['Grace Hopper', 'Ada Lovelace', 'Katherine Johnson']);
  expect(await entries()).toEqual([]);
  const log = meeting.getByRole('button', { name: 'Log this meeting' });
  await log.click();
  await meeting.getByRole('status').filter({ hasText: 'Meeting logged on 3 guests.' }).waitFor();
  await log.click();
  await meeting.getByRole('status').filter({ hasText: 'already logged on its 3 guests' }).waitFor();
  const start = new Date(2026, 2, 12, 14, 0).getTime();
  expect(await entries()).toEqual([
    ['meeting', 'Design review', start],
    ['meeting', 'Design review', start],
    ['meeting', 'Design review', start],
  ]);
  await Promise.all([page.close(), panel.page.close()]);
});

test('with its calendar set to log meetings after they end, an event the user takes part in, seen before its end, is logged on each guest once it ended, once; a colleague’s event is not', async () => {
  // The user turns it on in the options page (off by default).
  const options = await tend.context.newPage();
  await options.goto(tend.url('options'));
  const autoLog = options.getByRole('checkbox', { name: 'Google Calendar: log a meeting automatically after it ended' });
  expect(await autoLog.isChecked()).toBe(false);
  await autoLog.check();
  await options.getByRole('checkbox', { name: 'Google Calendar: log a meeting automatically after it ended', checked: true }).waitFor();
  await options.close();

  // A colleague's event the user only opened (they are no guest), then the user's own, both ending
  // 15 s after they are served (time enough for the content script to report them first, on a
  // loaded machine): the colleague's ends first.
  const notMine = await serveEnding('https://calendar.google.com/calendar/u/0/r/month/2026/12/1?tend-fixture=not-mine', 'event-popup-not-guest');
  const other = await tend.open(notMine.url);
  const otherPanel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(other)}`));
  await expect.poll(() => otherPanel.peopleNames()).toContain('Dorothy Vaughan');
  const mine = await serveEnding('https://calendar.google.com/calendar/u/0/r/week/2026/12/6?tend-fixture=ending', 'event-popup');
  const page = await tend.open(mine.url);
  const tabId = await tend.tabIdOf(page);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await expect.poll(() => panel.peopleNames()).toEqual(['Grace Hopper', 'Ada Lovelace', 'Katherine Johnson']);

  // While it waits, the event is in the worker's database, not in chrome.storage.local (which a
  // content script could read, were the area opened to them).
  const waiting = async () =>
    (await new WorkerProbe(() => tend.worker()).records<{ name: string; settings: unknown }>('settings')).find((r) => r.name === 'ending-meetings');
  await expect.poll(async () => JSON.stringify((await waiting())?.settings)).toContain('Quarterly review with the navy');
  expect(JSON.stringify((await waiting())?.settings)).not.toContain('Navy offsite');
  const local = await (
    await tend.worker()
  ).evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<object> } } } }).chrome.storage.local.get(null));
  expect(JSON.stringify(local)).not.toMatch(/endingMeetings|Quarterly review/);

  // The worker's alarm at the end logs it, with no click; not before the end. The colleague's event,
  // over before it, is not logged.
  await expect.poll(entries, { timeout: 60_000, interval: 250 }).toHaveLength(3);
  const { start, end } = mine.span();
  expect(Date.now()).toBeGreaterThanOrEqual(end);
  expect(notMine.span().end).toBeLessThan(end);
  expect(await entries()).toEqual([
    ['meeting', 'Quarterly review with the navy', start],
    ['meeting', 'Quarterly review with the navy', start],
    ['meeting', 'Quarterly review with the navy', start],
  ]);
  await panel.openPerson('Grace Hopper');
  await expect.poll(() => panel.historyTexts()).toEqual([expect.stringContaining('Quarterly review with the navy')]);

  // "Log this meeting" afterwards adds nothing.
  await panel.page.reload();
  const meeting = panel.page.getByRole('region', { name: 'Meeting' });
  await meeting.getByRole('button', { name: 'Log this meeting' }).click();
  await meeting.getByRole('status').filter({ hasText: 'already logged on its 3 guests' }).waitFor();
  expect(await entries()).toHaveLength(3);
  expect(await waiting()).toBeUndefined(); // logged, it no longer waits
  await Promise.all([page.close(), panel.page.close(), other.close(), otherPanel.page.close()]);
}, 150_000);

/**
 * Serve a popup fixture at its URL with machine-readable times: begun an hour ago, ending 15 s
 * after it was first served; `span()` says when, once served.
 */
async function serveEnding(url: string, fixture: string) {
  const popup = readFileSync(resolve(`tests/fixtures/google-calendar/${fixture}.html`), 'utf8');
  let span: { start: number; end: number } | undefined;
  await tend.context.route(url, (route) => {
    const end = Date.now() + 15_000;
    span ??= { start: end - 3_600_000, end };
    const times = `<time datetime="${new Date(span.start).toISOString()}">start</time><time datetime="${new Date(span.end).toISOString()}">end</time>`;
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: popup.replace('id="xDetDlgWhen">', `$&${times}`) });
  });
  return { url, span: () => span! };
}
