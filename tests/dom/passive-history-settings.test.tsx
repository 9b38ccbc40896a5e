/** The options page's automatic-history boxes: a box just changed keeps the user's choice while it saves. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PassiveHistorySettings } from '../../components/settings/PassiveHistorySettings';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/model/records';
import { flush, mounter } from './mount';

/** The save, held until the test lets the worker answer. */
let answerSave: () => void;
beforeEach(() => {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; patch?: Partial<Settings> }) => {
    await new Promise<void>((resolve) => (answerSave = resolve));
    return { ok: true, data: { ...DEFAULT_SETTINGS, ...message.patch } };
  }) as never);
});
const mount = mounter();

test('settings read again while a box saves (another change announced) do not flip the box back', async () => {
  const saved: Settings[] = [];
  const view = (settings: Settings) => <PassiveHistorySettings settings={settings} onSaved={(next) => saved.push(next)} />;
  const host = await mount(view(DEFAULT_SETTINGS));
  const gmail = [...host.querySelectorAll('label')].find((label) => label.textContent === 'Gmail')!.querySelector('input')!;
  expect(gmail.checked).toBe(true);
  await act(() => gmail.click());
  expect(gmail.checked).toBe(false);
  // The page reads the settings again (a learned address, say) before the save is answered.
  await act(() => render(view({ ...DEFAULT_SETTINGS }), host));
  await flush();
  expect(gmail.checked).toBe(false);
  await act(async () => answerSave());
  await flush();
  expect(saved.at(-1)?.passiveHistory).toMatchObject({ gmail: false });
});
