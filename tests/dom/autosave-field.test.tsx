/** The card's self-saving fields: a value arriving from elsewhere while this window's save is under way. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AutosaveField } from '../../components/card/AutosaveField';
import type { Contact } from '../../utils/model/records';
import { flush, mounter } from './mount';

const ADA: Contact = { id: 'c1', displayName: 'Ada Lovelace', identities: [], tags: [], createdAt: 1, updatedAt: 1 };
const MINE = 'Her notes on the engine';
const THEIRS = 'Her mother’s opinion of poetry';

/** The save of this window, held until the test lets the worker answer. */
let answerSave: () => void;
beforeEach(() => {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    if (message.type === 'saveCardField') {
      await new Promise<void>((resolve) => (answerSave = resolve));
      return { ok: true, data: { contact: { ...ADA, whatMatters: MINE }, keptEarlier: true } };
    }
    return { ok: true, data: message.type === 'getDraft' ? null : {} };
  }) as never);
});
const mount = mounter();

const field = (value: string) => (
  <AutosaveField
    id="matters"
    label="What matters"
    value={value}
    multiline
    contactId={ADA.id}
    field="whatMatters"
    guarded
    toPatch={(text) => ({ whatMatters: text })}
  />
);

test('a value saved in another window while this one’s save is under way does not replace the text typed here', async () => {
  const host = await mount(field(''));
  const box = host.querySelector('textarea')!;
  await act(() => {
    box.value = MINE;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    box.dispatchEvent(new Event('blur'));
  });
  await flush();
  // The other window's text reaches this card (the `changed` broadcast) before this save's answer.
  await act(() => render(field(THEIRS), host));
  await flush();
  expect(box.value).toBe(MINE);
  await act(async () => answerSave());
  await flush();
  expect(box.value).toBe(MINE);
  expect(host.textContent).toContain('This field was changed in another window while you typed.');
});
