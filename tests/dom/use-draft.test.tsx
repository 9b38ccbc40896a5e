import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { useDraft, type DraftState, type OpenedDraft } from '../../components/capture/use-draft';
import { ask } from '../../utils/messaging/client';

vi.mock('../../utils/messaging/client', () => ({
  ask: vi.fn(async () => ({ kept: true })),
  onBroadcast: () => () => undefined,
}));

const ABOUT = { kind: 'page', url: 'https://people.example/team' } as const;
afterEach(() => document.body.replaceChildren());

test('text typed before the stored draft has loaded is kept over what loads, and sent', async () => {
  let finishLoading: (opened: OpenedDraft) => void = () => undefined;
  const loading = new Promise<OpenedDraft>((resolve) => (finishLoading = resolve));
  let state: DraftState | undefined;
  function Probe() {
    state = useDraft(
      () => loading,
      [],
      () => ({ text: '' }),
    );
    return null;
  }
  const host = document.body.appendChild(document.createElement('div'));
  act(() => render(<Probe />, host));
  // The user types while the worker is still answering (a loaded machine).
  act(() => state!.update({ text: 'Asked for the engine notes' }));
  await act(async () => finishLoading({ about: ABOUT, stored: { text: 'An older draft' } }));
  expect(state!.draft?.text).toBe('Asked for the engine notes');
  expect(state!.restored).toBe(false);
  await vi.waitFor(() =>
    expect(vi.mocked(ask)).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'putDraft', about: ABOUT, draft: expect.objectContaining({ text: 'Asked for the engine notes' }) }),
    ),
  );
});

test('with nothing typed meanwhile, the stored draft is restored', async () => {
  let state: DraftState | undefined;
  function Probe() {
    state = useDraft(
      async () => ({ about: ABOUT, stored: { text: 'An older draft' } }),
      [],
      () => ({ text: '' }),
    );
    return null;
  }
  const host = document.body.appendChild(document.createElement('div'));
  await act(async () => render(<Probe />, host));
  await vi.waitFor(() => expect(state!.draft?.text).toBe('An older draft'));
  expect(state!.restored).toBe(true);
});
