/**
 * The card's note composer: its draft survives closing the panel and switching persons (issue 15);
 * "When was it?" dates a past interaction, which then shows at its date in the history and in
 * keep-in-touch (issue 14).
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Tend } from './harness';
import { localInput } from './pages/follow-ups';
import { SidePanel } from './pages/side-panel';

let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

const DAY = 86_400_000;
/** A `datetime-local` value in this machine's time zone (the browser's too). */
const localValue = (d: Date) => localInput(d.getTime());

test('the composer’s draft survives switching persons and closing the panel, per person', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const url = tend.url('sidepanel', `?tab=${await tend.tabIdOf(gmail)}`);
  const panel = await SidePanel.open(await tend.context.newPage(), url);
  const composer = () => panel.page.getByLabel('Note', { exact: true });
  await panel.openPerson('Ada Lovelace');
  await composer().pressSequentially('Half a thought about Ada', { delay: 5 });
  await panel.openPerson('Charles Babbage');
  await expect.poll(() => composer().inputValue()).toBe('');
  await composer().pressSequentially('Charles wants the drawings', { delay: 5 });
  await panel.page.close();

  const again = await SidePanel.open(await tend.context.newPage(), url);
  await again.openPerson('Ada Lovelace');
  await expect.poll(() => again.page.getByLabel('Note', { exact: true }).inputValue()).toBe('Half a thought about Ada');
  await again.openPerson('Charles Babbage');
  await expect.poll(() => again.page.getByLabel('Note', { exact: true }).inputValue()).toBe('Charles wants the drawings');
  // Saved: the draft goes with the save, and the composer starts empty next time.
  await again.page.getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => again.historyTexts().then((h) => h[0])).toContain('Charles wants the drawings');
  await again.page.reload();
  await again.openPerson('Charles Babbage');
  await again.history.first().waitFor();
  expect(await again.page.getByLabel('Note', { exact: true }).inputValue()).toBe('');
});

test('a past-dated call appears at its date in the history and in keep-in-touch; a future date is refused', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(gmail)}`));
  await expect.poll(() => panel.peopleNames()).toHaveLength(2);
  // Someone Tend has never seen on a page: their keep-in-touch clock is only what is logged.
  const mary = await panel.page.evaluate(async () => {
    const send = (m: object) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ data: { id: string } }> } } }).chrome.runtime.sendMessage(m);
    const { data } = await send({ type: 'createContact', displayName: 'Mary Jackson' });
    await send({ type: 'updateContact', contactId: data.id, patch: { cadenceDays: 30 } });
    await (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome.storage.session.set({
      openPerson: { contactId: data.id, at: Date.now() },
    });
    return data.id;
  });
  expect(mary).toBeTruthy();
  await panel.card.getByRole('heading', { name: 'Mary Jackson', level: 2 }).waitFor();

  // Forty days and an hour ago (whole minutes, as the field holds them): 40 full days since.
  const when = new Date(Date.now() - 40 * DAY - 3_600_000);
  when.setSeconds(0, 0);
  await panel.page.getByLabel('Kind').selectOption('call');
  await panel.page.getByLabel('When was it?').fill(localValue(new Date(Date.now() + 2 * DAY)));
  await panel.page.getByLabel('Note', { exact: true }).fill('The call about the wind tunnel');
  await panel.page.getByRole('button', { name: 'Add note' }).click();
  await panel.card.getByRole('alert').getByText('That time is in the future: say when it happened.').first().waitFor();
  await panel.page.getByLabel('When was it?').fill(localValue(when));
  await panel.page.getByRole('button', { name: 'Add note' }).click();

  await expect.poll(() => panel.historyTexts()).toEqual([expect.stringContaining('The call about the wind tunnel')]);
  expect(await panel.history.first().locator('time').getAttribute('datetime')).toBe(when.toISOString());
  // Her cadence is 30 days and the last contact was the call 40 days ago: 10 days overdue.
  const keepInTouch = panel.page.getByRole('status', { name: 'Keep in touch' });
  await expect.poll(() => keepInTouch.innerText()).toMatch(/Overdue[\s\S]*10 days overdue/);

  // A note written now goes above it, and she is on track again.
  await panel.addNote('Today: a short note');
  await expect.poll(() => panel.historyTexts()).toEqual([expect.stringContaining('Today: a short note'), expect.stringContaining('wind tunnel')]);
  await expect.poll(() => keepInTouch.innerText()).toMatch(/On track/);
});
