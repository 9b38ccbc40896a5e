/**
 * The options page's boxes that save on change (automatic history per site, "Ignore automated
 * senders"): a box just changed keeps the user's choice while it saves, and a failed save says so.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IgnoreAutomatedSetting } from '../../components/settings/IgnoreAutomatedSetting';
import { PassiveHistorySettings } from '../../components/settings/PassiveHistorySettings';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/model/records';
import { flush, mounter } from './mount';

/** The saves in flight, each held until the test lets the worker answer (or fail). */
let saves: { answer: () => void; fail: () => void }[];
beforeEach(() => {
  saves = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; patch?: Partial<Settings> }) => {
    const ok = await new Promise<boolean>((resolve) => saves.push({ answer: () => resolve(true), fail: () => resolve(false) }));
    return ok ? { ok: true, data: { ...DEFAULT_SETTINGS, ...message.patch } } : { ok: false, error: { code: 'quota', message: 'The database is full.' } };
  }) as never);
});
const mount = mounter();

type SettingsView = (props: { settings: Settings; onSaved: (settings: Settings) => void }) => preact.JSX.Element;
const boxes: { name: string; View: SettingsView; label: string; on: (settings: Settings) => boolean }[] = [
  { name: 'automatic history for Gmail', View: PassiveHistorySettings, label: 'Gmail', on: (s) => s.passiveHistory['gmail'] !== false },
  { name: 'ignore automated senders', View: IgnoreAutomatedSetting, label: 'Ignore automated senders', on: (s) => s.ignoreAutomatedSenders },
];

describe.each(boxes)('$name', ({ View, label, on }) => {
  const setUp = async () => {
    const saved: Settings[] = [];
    const view = (settings: Settings) => <View settings={settings} onSaved={(next) => saved.push(next)} />;
    const host = await mount(view(DEFAULT_SETTINGS));
    const box = [...host.querySelectorAll('label')].find((each) => each.textContent?.startsWith(label))!.querySelector('input')!;
    return { saved, host, box, view };
  };

  test('settings read again while it saves (another change announced) do not flip it back', async () => {
    const { saved, host, box, view } = await setUp();
    const before = on(DEFAULT_SETTINGS);
    expect(box.checked).toBe(before);
    await act(() => box.click());
    expect(box.checked).toBe(!before);
    // The page reads the settings again (a learned address, say) before the save is answered.
    await act(() => render(view({ ...DEFAULT_SETTINGS }), host));
    await flush();
    expect(box.checked).toBe(!before);
    await act(async () => saves[0]!.answer());
    await flush();
    expect(on(saved.at(-1)!)).toBe(!before);
  });

  test('two quick clicks: the first save answering does not undo the second click', async () => {
    const { saved, host, box, view } = await setUp();
    const before = on(DEFAULT_SETTINGS);
    await act(() => box.click());
    await act(() => box.click());
    expect(box.checked).toBe(before);
    expect(saves).toHaveLength(2);
    // The first save answers and the page takes its settings, the second still under way.
    await act(async () => saves[0]!.answer());
    await flush();
    expect(on(saved[0]!)).toBe(!before);
    await act(() => render(view(saved[0]!), host));
    expect(box.checked).toBe(before);
  });

  test('a save that fails says why and the box shows the settings again', async () => {
    const { host, box } = await setUp();
    const before = on(DEFAULT_SETTINGS);
    await act(() => box.click());
    await act(async () => saves[0]!.fail());
    await flush();
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('The database is full.');
    expect(box.checked).toBe(before);
  });
});
