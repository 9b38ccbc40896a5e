import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { QuickNote } from '../../components/capture/QuickNote';
import { loadDraft } from '../../utils/storage/drafts';
import { TendError } from '../../utils/errors';

const ADA = { id: '01900000-0000-7000-8000-00000000000a', displayName: 'Ada Lovelace', identities: [], tags: [], createdAt: 1, updatedAt: 1 };

// The background, as the page sees it: reads answer, the save fails as a full disk would.
vi.mock('../../utils/messaging/client', () => ({
  ask: vi.fn(async (request: { type: string }) => {
    if (request.type === 'getContacts') return [ADA];
    if (request.type === 'logInteraction') throw new TendError('failed', 'There is no room left to save this.');
    if (request.type === 'listContactFollowUps' || request.type === 'listFollowUps') return { due: [], upcoming: [], later: [], done: [] };
    return [];
  }),
  onBroadcast: () => () => undefined,
  broadcast: async () => undefined,
}));

afterEach(() => document.body.replaceChildren());
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

test('a save that fails keeps the draft, in the field and in storage, and says why', async () => {
  const host = document.body.appendChild(document.createElement('div'));
  render(<QuickNote tabId={42} pagePeople={[ADA.id]} />, host);
  await settle();
  const note = host.querySelector<HTMLTextAreaElement>('#quick-note-text')!;
  await act(() => {
    note.value = 'She asked for the engine notes';
    note.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
  await act(() => {
    host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
  expect(host.querySelector('[role=alert]')?.textContent).toBe('Not saved: There is no room left to save this.');
  expect(note.value).toBe('She asked for the engine notes');
  expect((await loadDraft(42))?.text).toBe('She asked for the engine notes');
});
