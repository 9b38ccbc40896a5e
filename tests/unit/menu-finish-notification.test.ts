/**
 * "Choose who it was about": when the context menu's click could not open the side panel (its
 * gesture lapsed), a notification says where to finish; clicking it opens that window's panel.
 * Chrome opens a side panel only inside a user gesture, so the open must be asked before the
 * handler awaits anything (it used to await the last focused window first).
 */
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { menuLogUi, openPanelFromFinish } from '../../entrypoints/background/context-menu';

afterEach(() => {
  Reflect.deleteProperty(fakeBrowser, 'sidePanel');
  fakeBrowser.reset();
});

/** WXT's fake browser has no sidePanel API: one whose open fails (no gesture) until told otherwise. */
function stubSidePanel(opens: boolean) {
  const open = vi.fn(async (_options: { windowId: number }) => {
    if (!opens) throw new Error('sidePanel.open() may only be called in response to a user gesture.');
  });
  Object.assign(fakeBrowser, { sidePanel: { open } });
  return open;
}

test('the finish notification names the window of the click, and clicking it opens that window’s panel before anything is awaited', async () => {
  stubSidePanel(false);
  await menuLogUi().openComposer(7, false);
  const [id] = Object.keys(await fakeBrowser.notifications.getAll());
  expect(id).toBeDefined();

  const open = stubSidePanel(true);
  const focused = vi.spyOn(fakeBrowser.windows, 'getLastFocused');
  const clicked = openPanelFromFinish(id!);
  // Synchronously, in the click's own turn: no await before it.
  expect(open).toHaveBeenCalledWith({ windowId: 7 });
  expect(focused).not.toHaveBeenCalled();
  await clicked;
  expect(await fakeBrowser.notifications.getAll()).toEqual({});
});

test('another notification or a damaged id opens nothing', async () => {
  const open = stubSidePanel(true);
  await openPanelFromFinish('tend-logged:01900000-0000-7000-8000-0000000000b1');
  await openPanelFromFinish('tend-finish-log:not-a-window');
  expect(open).not.toHaveBeenCalled();
});

test('with the panel already open for the click, no notification is shown', async () => {
  stubSidePanel(true);
  await menuLogUi().openComposer(7, true);
  expect(await fakeBrowser.notifications.getAll()).toEqual({});
});
