import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background/index';

/** The fake browser's events count their listeners. */
type Counted = { hasListeners(): boolean };

/** An event Chrome fires on ordinary browsing, whatever the site: a listener wakes a stopped worker. */
const browsingEvents = () =>
  ({
    'tabs.onUpdated': fakeBrowser.tabs.onUpdated,
    'tabs.onRemoved': fakeBrowser.tabs.onRemoved,
    'tabs.onCreated': fakeBrowser.tabs.onCreated,
    'tabs.onActivated': fakeBrowser.tabs.onActivated,
    'tabs.onHighlighted': fakeBrowser.tabs.onHighlighted,
    'windows.onFocusChanged': fakeBrowser.windows.onFocusChanged,
    'windows.onCreated': fakeBrowser.windows.onCreated,
    'windows.onRemoved': fakeBrowser.windows.onRemoved,
    'webNavigation.onBeforeNavigate': fakeBrowser.webNavigation.onBeforeNavigate,
    'webNavigation.onCommitted': fakeBrowser.webNavigation.onCommitted,
    'webNavigation.onCompleted': fakeBrowser.webNavigation.onCompleted,
    'webNavigation.onHistoryStateUpdated': fakeBrowser.webNavigation.onHistoryStateUpdated,
    'storage.onChanged': fakeBrowser.storage.onChanged,
  }) as unknown as Record<string, Counted>;

test('the worker registers no listener for events that ordinary browsing fires (each would wake it)', () => {
  // Events the fake browser does not implement, made plain event objects (the user's own acts).
  const event = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: () => false, hasListeners: () => true });
  Object.assign(fakeBrowser.commands, { onCommand: event() });
  Object.assign(fakeBrowser.permissions, { onAdded: event(), onRemoved: event() });
  Object.assign(fakeBrowser.contextMenus, { onClicked: event() });
  const events = browsingEvents();
  background.main!();
  const listened = Object.entries(events)
    .filter(([, event]) => event.hasListeners())
    .map(([name]) => name);
  expect(listened).toEqual([]);
  // The check can fail: the worker does listen where the user acts (a notification click).
  expect((fakeBrowser.notifications.onClicked as unknown as Counted).hasListeners()).toBe(true);
});
