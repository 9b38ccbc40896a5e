import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { QuickNote } from '../../components/capture/QuickNote';
import { TendError } from '../../utils/errors';
import { ask } from '../../utils/messaging/client';

const ADA = { id: '01900000-0000-7000-8000-00000000000a', displayName: 'Ada Lovelace', identities: [], tags: [], createdAt: 1, updatedAt: 1 };
const PAGE = { kind: 'page', url: 'https://mail.google.com/mail/u/0/#inbox/t1' } as const;

// The background, as the page sees it: reads answer, drafts are kept, the save fails as a full disk would.
vi.mock('../../utils/messaging/client', () => ({
  ask: vi.fn(async (request: { type: string }) => {
    if (request.type === 'getTabDraft') return { about: PAGE, record: null };
    if (request.type === 'putDraft') return { kept: true };
    if (request.type === 'getContacts') return [ADA];
    if (request.type === 'logInteraction') throw new TendError('failed', 'There is no room left to save this.');
    if (request.type === 'listContactFollowUps' || request.type === 'listFollowUps') return { due: [], upcoming: [], later: [], done: [] };
    return [];
  }),
  onBroadcast: () => () => undefined,
  broadcast: async () => undefined,
}));

afterEach(() => document.body.replaceChildren());
const settle = (ms = 20) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
/** Wait until the note has loaded its draft (its box is shown), however busy the machine is. */
const loaded = async (host: HTMLElement) => {
  while (!host.querySelector('#quick-note-text')) await settle();
};
const type = (field: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
/** The last draft the page sent the worker. */
const lastDraftSent = () =>
  vi
    .mocked(ask)
    .mock.calls.map(([request]) => request)
    .filter((request) => request.type === 'putDraft')
    .at(-1) as { about: unknown; draft: { text: string; followUp?: { wanted: boolean; text: string } } } | undefined;

test('a save that fails keeps the draft, in the field and with the worker, and says why', async () => {
  const host = document.body.appendChild(document.createElement('div'));
  render(<QuickNote tabId={42} pagePeople={[]} preselect={[ADA.id]} />, host);
  await loaded(host);
  const note = host.querySelector<HTMLTextAreaElement>('#quick-note-text')!;
  await type(note, 'She asked for the engine notes');
  await act(() => {
    host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
  expect(host.querySelector('[role=alert]')?.textContent).toBe('Not saved: There is no room left to save this.');
  expect(note.value).toBe('She asked for the engine notes');
  // Sent after the pause in typing (whenever the busy machine runs the timer).
  await vi.waitFor(() => expect(lastDraftSent()).toMatchObject({ about: PAGE, draft: { text: 'She asked for the engine notes' } }));
});

test('the follow-up (ticked, its text) is part of the draft, and a hidden page sends it at once', async () => {
  const host = document.body.appendChild(document.createElement('div'));
  render(<QuickNote tabId={42} pagePeople={[]} preselect={[ADA.id]} />, host);
  await loaded(host);
  await act(() => host.querySelector<HTMLInputElement>('.quick-followup input[type=checkbox]')!.click());
  await type(host.querySelector<HTMLInputElement>('#quick-followup-text')!, 'Send the plans');
  window.dispatchEvent(new Event('pagehide'));
  expect(lastDraftSent()?.draft.followUp).toMatchObject({ wanted: true, text: 'Send the plans' });
});

test('a person the page only listed, chosen for the note, is not saved on choosing: the note carries them for the worker to save with it', async () => {
  vi.mocked(ask).mockClear();
  const host = document.body.appendChild(document.createElement('div'));
  const grace = { displayName: 'Grace Hopper', email: 'grace@navy.example' };
  render(<QuickNote tabId={42} pagePeople={[grace]} preselect={[]} />, host);
  await loaded(host);
  await act(() => host.querySelector<HTMLButtonElement>('.page-people button')!.click());
  await settle();
  const requests = () => vi.mocked(ask).mock.calls.map(([request]) => request as { type: string } & Record<string, unknown>);
  expect(requests().filter((request) => request.type === 'createContact')).toEqual([]);
  // Shown as chosen (and no longer offered), kept in the draft so closing the popup keeps the choice and saves nobody.
  expect([...host.querySelectorAll('.picker .chip span')].map((chip) => chip.textContent)).toEqual(['Grace Hopper']);
  expect(host.querySelector('.page-people')).toBeNull();
  await vi.waitFor(() => expect(lastDraftSent()?.draft).toMatchObject({ listed: [grace], peopleChosen: true }));
  await type(host.querySelector<HTMLTextAreaElement>('#quick-note-text')!, 'Asked about the compiler');
  await act(() => {
    host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  expect(requests().find((request) => request.type === 'logInteraction')).toMatchObject({ contactIds: [], listed: [grace], fromTab: 42 });
  expect(requests().filter((request) => request.type === 'createContact')).toEqual([]);
});
