import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BarChart } from '../../components/followups/BarChart';
import { CadenceSettings } from '../../components/settings/CadenceSettings';
import { FollowUpForm } from '../../components/followups/FollowUpForm';
import { FollowUpRow } from '../../components/followups/FollowUpRow';
import { toLocalInputValue } from '../../utils/time/dates';
import type { FollowUpItem } from '../../utils/messaging/features/followups';
import { DEFAULT_SETTINGS } from '../../utils/model/records';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Eve';
const hosts: HTMLElement[] = [];
const root = () => {
  const host = document.body.appendChild(document.createElement('div'));
  hosts.push(host);
  return host;
};
let sent: { type: string; [key: string]: unknown }[];
/** The drafts requests (what is typed, kept by the worker), apart from the saves. */
let draftsSent: { type: string; [key: string]: unknown }[];
const DRAFT_ANSWERS: Record<string, unknown> = { getDraft: null, putDraft: { kept: true }, discardDraft: { discarded: true } };

beforeEach(() => {
  sent = [];
  draftsSent = [];
  // The background: no draft stored; every save answered with what the component asked to save.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; patch?: object }) => {
    if (message.type in DRAFT_ANSWERS) {
      draftsSent.push(message);
      return { ok: true, data: DRAFT_ANSWERS[message.type] };
    }
    sent.push(message);
    return { ok: true, data: message.type === 'updateSettings' ? { ...DEFAULT_SETTINGS, ...message.patch } : message };
  }) as never);
});
afterEach(() => {
  // Unmounted, so nothing a test left open answers into the next one.
  for (const host of hosts.splice(0)) render(null, host);
  document.body.replaceChildren();
});

const input = async (element: HTMLInputElement, value: string) =>
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = async (form: HTMLFormElement) => act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
const click = async (element: Element) => act(() => void element.dispatchEvent(new MouseEvent('click', { bubbles: true })));
const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

test('a follow-up row renders names, notes and entries from pages as text', () => {
  const host = root();
  const item: FollowUpItem = {
    id: crypto.randomUUID(),
    contactId: crypto.randomUUID(),
    due: Date.now() - 1000,
    text: HOSTILE,
    done: false,
    contactName: HOSTILE,
    entrySummary: HOSTILE,
    cadence: 'red',
  };
  render(
    <ul>
      <FollowUpRow item={item} now={Date.now()} onOpenPerson={() => {}} />
    </ul>,
    host,
  );
  expect(host.querySelector('img')).toBeNull();
  expect(host.textContent).toContain(`${HOSTILE}`);
  expect(host.textContent).toContain(`About: ${HOSTILE}`);
});

test('only a due follow-up offers snoozes; an upcoming one only Done; a done one Undo; each can be deleted, an open one edited', () => {
  const base = { contactId: crypto.randomUUID(), text: 'Call back', contactName: 'Ada' };
  const buttons = (item: FollowUpItem) => {
    const host = root();
    render(
      <ul>
        <FollowUpRow item={item} now={Date.now()} />
      </ul>,
      host,
    );
    return [...host.querySelectorAll('button')].map((b) => b.textContent);
  };
  expect(buttons({ ...base, id: crypto.randomUUID(), due: Date.now() - 1000, done: false })).toEqual([
    'Done',
    'Snooze 1 hour',
    'Snooze until tomorrow',
    'Edit',
    'Delete',
  ]);
  expect(buttons({ ...base, id: crypto.randomUUID(), due: Date.now() + 86_400_000, done: false })).toEqual(['Done', 'Edit', 'Delete']);
  expect(buttons({ ...base, id: crypto.randomUUID(), due: Date.now() - 1000, done: true })).toEqual(['Undo', 'Delete']);
});

test('editing an overdue follow-up: its time kept is sent as it was, with nothing to confirm; moved into the past, it is asked about', async () => {
  const host = root();
  const item: FollowUpItem = {
    id: crypto.randomUUID(),
    contactId: crypto.randomUUID(),
    due: Date.now() - 90_000,
    text: 'Call back',
    done: false,
    contactName: 'Ada',
  };
  render(
    <ul>
      <FollowUpRow item={item} now={Date.now()} />
    </ul>,
    host,
  );
  await click([...host.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!);
  await flush(); // the editor asks whether a draft of this edit waits
  const form = host.querySelector<HTMLFormElement>('form[aria-label="Edit follow-up"]')!;
  expect(host.querySelector('.followup-actions')).toBeNull();
  const text = form.querySelector<HTMLInputElement>('input:not([type=checkbox])')!;
  expect(text.value).toBe('Call back');
  await input(text, 'Call back about the tables');
  await submit(form);
  await flush();
  expect(sent).toEqual([expect.objectContaining({ type: 'editFollowUp', followUpId: item.id, text: 'Call back about the tables', due: item.due })]);
  // What was typed went to the worker as the edit's draft, removed once the edit was saved.
  expect(draftsSent).toContainEqual(expect.objectContaining({ type: 'putDraft', about: { kind: 'followUp', followUpId: item.id } }));
  expect(draftsSent.at(-1)).toEqual({ type: 'discardDraft', about: { kind: 'followUp', followUpId: item.id } });

  sent.length = 0;
  await click([...host.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!);
  await flush();
  const again = host.querySelector<HTMLFormElement>('form[aria-label="Edit follow-up"]')!;
  await input(again.querySelector<HTMLInputElement>('input[type=datetime-local]')!, toLocalInputValue(Date.now() - 2 * 86_400_000));
  await submit(again);
  expect(host.querySelector('[role=alert]')?.textContent).toMatch(/passed/);
  expect(sent).toEqual([]);
});

test('follow-up form: a past due time is asked about before anything is sent; a date that does not exist never is', async () => {
  const host = root();
  await act(() => render(<FollowUpForm contactId="0198e3c2-0000-7000-8000-000000000001" idPrefix="t" />, host));
  await flush(); // the form asks whether a draft waits
  const [text, due] = [host.querySelector<HTMLInputElement>('#t-text')!, host.querySelector<HTMLInputElement>('#t-due')!];
  const form = host.querySelector('form')!;
  await input(text, 'Send the numbers');

  await input(due, '2025-02-30T10:00');
  await submit(form);
  expect(host.querySelector('[role=alert]')?.textContent).toMatch(/exists/);

  await input(due, toLocalInputValue(Date.now() - 2 * 86_400_000));
  await submit(form);
  expect(host.querySelector('[role=alert]')?.textContent).toMatch(/passed/);
  expect(sent).toEqual([]);

  const confirm = host.querySelector<HTMLInputElement>('.past-confirm input')!;
  await act(() => void confirm.click());
  await submit(form);
  await flush();
  expect(sent).toEqual([expect.objectContaining({ type: 'createFollowUp', text: 'Send the numbers', confirmPast: true })]);
  expect(host.querySelector('[role=status]')?.textContent).toMatch(/Follow-up added/);
});

test('quick picks fill the due field', async () => {
  const host = root();
  await act(() => render(<FollowUpForm contactId="0198e3c2-0000-7000-8000-000000000001" idPrefix="q" />, host));
  await flush();
  const due = host.querySelector<HTMLInputElement>('#q-due')!;
  const pick = (label: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === label)!;
  await click(pick('In a month'));
  const inAMonth = new Date(due.value);
  expect(inAMonth.getHours()).toBe(9);
  expect(inAMonth.getTime()).toBeGreaterThan(Date.now() + 27 * 86_400_000);
  await click(pick('Tomorrow'));
  const today = new Date();
  expect(new Date(due.value).toDateString()).toBe(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).toDateString());
});

test('charts are inline SVG whose accessible name carries the numbers', () => {
  const host = root();
  render(
    <BarChart
      title="Experiences"
      valueAxis="Number in the period"
      bars={[
        { label: 'Went well', value: 3 },
        { label: 'Strained', value: 1, tone: 'negative' },
      ]}
    />,
    host,
  );
  const svg = host.querySelector('svg')!;
  expect(svg.getAttribute('role')).toBe('img');
  expect(svg.getAttribute('aria-label')).toBe('Experiences: Went well 3, Strained 1');
  expect(svg.querySelectorAll('rect')).toHaveLength(2);
  expect(svg.querySelector('.axis-title')!.textContent).toBe('Number in the period');
});

test('cadence settings: a bad number of days is explained and not sent; a tag cadence is saved through the background', async () => {
  const host = root();
  const onSaved = vi.fn();
  render(<CadenceSettings settings={{ ...DEFAULT_SETTINGS, tagCadences: { work: 30 } }} onSaved={onSaved} />, host);
  await input(host.querySelector<HTMLInputElement>('#cadence-tag')!, 'Family');
  await input(host.querySelector<HTMLInputElement>('#cadence-tag-days')!, '0');
  const [tagForm, defaultForm] = [...host.querySelectorAll('form')];
  await submit(tagForm!);
  expect(host.querySelector('[role=alert]')?.textContent).toMatch(/whole number/);
  expect(sent).toEqual([]);

  await input(host.querySelector<HTMLInputElement>('#cadence-tag-days')!, '14');
  await submit(tagForm!);
  await flush();
  expect(sent).toEqual([{ type: 'updateSettings', patch: { tagCadences: { work: 30, Family: 14 } } }]);
  expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ tagCadences: { work: 30, Family: 14 } }));

  await submit(defaultForm!);
  await flush();
  expect(sent.at(-1)).toEqual({ type: 'updateSettings', patch: { defaultCadenceDays: null } });
});

test('cadence settings: a save the background refuses is said, the typed tag stays, and the next save clears the error', async () => {
  const host = root();
  const onSaved = vi.fn();
  const send = vi.mocked(fakeBrowser.runtime.sendMessage);
  const answerOk = send.getMockImplementation()!;
  send.mockImplementation((async () => ({ ok: false, error: { code: 'failed', message: 'Tend could not save the settings' } })) as never);
  render(<CadenceSettings settings={DEFAULT_SETTINGS} onSaved={onSaved} />, host);
  await input(host.querySelector<HTMLInputElement>('#cadence-tag')!, 'Family');
  await input(host.querySelector<HTMLInputElement>('#cadence-tag-days')!, '14');
  const [tagForm] = [...host.querySelectorAll('form')];
  await submit(tagForm!);
  await flush();
  expect(host.querySelector('[role=alert]')?.textContent).toMatch(/could not save/);
  expect(host.querySelector<HTMLInputElement>('#cadence-tag')!.value).toBe('Family');
  expect(host.querySelector<HTMLInputElement>('#cadence-tag-days')!.value).toBe('14');
  expect(onSaved).not.toHaveBeenCalled();

  send.mockImplementation(answerOk);
  await submit(tagForm!);
  await flush();
  expect(host.querySelector('[role=alert]')).toBeNull();
  expect(host.querySelector<HTMLInputElement>('#cadence-tag')!.value).toBe('');
  expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ tagCadences: { Family: 14 } }));
});
