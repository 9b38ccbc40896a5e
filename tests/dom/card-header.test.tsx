import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CardHeader } from '../../components/card/CardHeader';
import { ContactFacts } from '../../components/card/ContactFacts';
import { PeopleList } from '../../components/capture/PeopleList';
import type { Contact } from '../../utils/model/records';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Eve';
const DAY = 86_400_000;
const root = () => document.body.appendChild(document.createElement('div'));
const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
afterEach(() => document.body.replaceChildren());

const charles: Contact = {
  id: crypto.randomUUID(),
  displayName: 'Charles Babbage',
  identities: [{ kind: 'email', value: 'charles@engine.example' }],
  org: 'Analytical Engine Ltd',
  title: 'Inventor',
  tags: ['engineering', HOSTILE],
  stage: 'active',
  lastInteractionAt: Date.now() - 3 * DAY,
  createdAt: 1,
  updatedAt: 2,
};

let facts: { countsByKind: Record<string, number>; openFollowUps: number };
beforeEach(() => {
  facts = { countsByKind: { note: 2, call: 1, stage: 4 }, openFollowUps: 2 };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    if (message.type !== 'getContactFacts') throw new Error(`unexpected ${message.type}`);
    return { ok: true, data: facts };
  }) as never);
});

test('header: avatar, name, title and organisation, addresses; pin is a toggle that says whether it is pressed', async () => {
  const host = root();
  const pins: boolean[] = [];
  render(<CardHeader contact={charles} pinned={false} onPin={(pinned) => pins.push(pinned)} onClose={() => {}} />, host);
  expect(host.querySelector('.avatar.large')?.textContent).toBe('CB');
  expect(host.querySelector('h2')?.textContent).toBe('Charles Babbage');
  expect(host.querySelector('.card-role')?.textContent).toBe('Inventor, Analytical Engine Ltd');
  expect(host.querySelector('[aria-label="Addresses"]')?.textContent).toBe('charles@engine.example');
  const pin = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Pin')!;
  expect(pin.getAttribute('aria-pressed')).toBe('false');
  await act(() => pin.click());
  expect(pins).toEqual([true]);
  render(<CardHeader contact={{ ...charles, title: undefined }} pinned onPin={() => {}} />, host);
  expect(host.querySelector('.card-role')?.textContent).toBe('Analytical Engine Ltd');
  expect(host.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed')).toBe('true');
  expect(host.querySelector('[aria-label="Close card"]')).toBeNull();
});

test('facts: stage and tags as chips (page text as text), last talked, interactions this year, open follow-ups', async () => {
  const host = root();
  render(<ContactFacts contact={charles} />, host);
  await flush();
  await flush();
  const chips = [...host.querySelectorAll('[aria-label="Stage and tags"] li')];
  expect(chips.map((chip) => chip.textContent)).toEqual(['ActiveStage: Active', 'engineering', HOSTILE]);
  expect(host.querySelector('img')).toBeNull();
  // Stage changes are not interactions; the stage is said in words to screen readers.
  expect(host.querySelector('.facts-line')?.textContent).toBe('Last talked 3 days ago · 3 interactions this year · 2 open follow-ups');
  expect(host.querySelector('.chip.stage .visually-hidden')?.textContent).toBe('Stage: Active');
});

test('facts: a new person with no follow-ups says so in a short line, without chips', async () => {
  facts = { countsByKind: {}, openFollowUps: 0 };
  const host = root();
  render(<ContactFacts contact={{ ...charles, stage: undefined, tags: [], lastInteractionAt: undefined }} />, host);
  await flush();
  await flush();
  expect(host.querySelector('.chips')).toBeNull();
  expect(host.querySelector('.facts-line')?.textContent).toBe('No interaction yet · 0 interactions this year');
});

test('people list: avatars; with several people the newest sender is marked in words; alone, not', () => {
  const host = root();
  const ada = { contactId: crypto.randomUUID(), displayName: 'Ada Lovelace', email: 'ada@analytical.example' };
  const babbage = { contactId: charles.id, displayName: 'Charles Babbage', newestSender: true };
  render(<PeopleList people={[ada, babbage]} tabId={1} onSelect={() => {}} />, host);
  expect([...host.querySelectorAll('.avatar')].map((a) => a.textContent)).toEqual(['AL', 'CB']);
  const rows = [...host.querySelectorAll('button.person')];
  expect(rows.map((row) => row.textContent?.includes('wrote last'))).toEqual([false, true]);
  render(<PeopleList people={[babbage]} tabId={1} onSelect={() => {}} />, host);
  expect(host.textContent).not.toContain('wrote last');
});
