import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Timeline } from '../../components/timeline/Timeline';
import type { Interaction } from '../../utils/model/records';

// A commit that changed more people than a broadcast names (an import, a restore, a sync pull) says
// `everyone` instead of the ids (utils/messaging/changed.ts): an open history must still reload.

const PERSON = crypto.randomUUID();
let stored: Interaction[];
let timelineAsks: number;

const entry = (summary: string, at: number): Interaction => ({ id: crypto.randomUUID(), contactIds: [PERSON], kind: 'note', summary, at, createdAt: at });

beforeEach(() => {
  stored = [entry('Met at the conference', 1)];
  timelineAsks = 0;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    if (message.type === 'getTimeline') {
      timelineAsks++;
      return { ok: true, data: [...stored].sort((a, b) => b.at - a.at) };
    }
    if (message.type === 'getSyncStatus') return { ok: true, data: { state: 'off' } };
    return { ok: false, error: { code: 'failed', message: `unexpected ${message.type}` } };
  }) as never);
});
afterEach(() => {
  render(null, document.body);
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const broadcast = (message: object) => act(async () => void (await fakeBrowser.runtime.onMessage.trigger(message, {})));
const summaries = () => [...document.querySelectorAll('.entry-summary')].map((element) => element.textContent);

test('an open history reloads on a broadcast that says everyone changed, and not on one naming only others', async () => {
  await act(() => render(<Timeline contactId={PERSON} />, document.body));
  await settle();
  expect(summaries()).toEqual(['Met at the conference']);

  stored.push(entry('Imported: call about the offer', 2));
  // A commit about someone else: nothing to reload.
  await broadcast({ type: 'changed', contactIds: [crypto.randomUUID()] });
  await settle();
  expect(summaries()).toEqual(['Met at the conference']);
  const asksBefore = timelineAsks;

  // An import of more people than a broadcast names (MAX_NAMED_PEOPLE): it names none of them.
  await broadcast({ type: 'changed', contactIds: [], everyone: true });
  await settle();
  expect(timelineAsks).toBeGreaterThan(asksBefore);
  expect(summaries()).toEqual(['Imported: call about the offer', 'Met at the conference']);
});
