import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ContentScriptContext } from '../../utils/content/script-context';

// The slim context content-script builds use instead of WXT's (wxt.config.ts): what Tend relies on.
const chrome = { runtime: { id: 'tend-test' as string | undefined } };

beforeEach(() => {
  chrome.runtime.id = 'tend-test';
  vi.stubGlobal('chrome', chrome);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('a newer copy of the same script ends the older one: its timers and listeners stop', () => {
  const older = new ContentScriptContext('web');
  const ran = vi.fn();
  const heard = vi.fn();
  older.setTimeout(ran, 10);
  older.addEventListener(window, 'hashchange', heard);
  const other = new ContentScriptContext('gmail');
  expect(older.isValid).toBe(true); // Another script does not count.
  const newer = new ContentScriptContext('web');
  expect(older.isValid).toBe(false);
  expect(newer.isValid).toBe(true);
  vi.advanceTimersByTime(20);
  window.dispatchEvent(new Event('hashchange'));
  expect(ran).not.toHaveBeenCalled();
  expect(heard).not.toHaveBeenCalled();
  expect(other.isValid).toBe(true);
});

test('the context ends when the extension is gone (reloaded or removed)', () => {
  const ctx = new ContentScriptContext('profiles');
  const ended = vi.fn();
  ctx.onInvalidated(ended);
  chrome.runtime.id = undefined;
  expect(ctx.isValid).toBe(false);
  expect(ended).toHaveBeenCalledOnce();
});

test('wxt:locationchange fires when the URL changes (polled where the Navigation API is missing)', () => {
  const ctx = new ContentScriptContext('outlook');
  const navigated = vi.fn();
  ctx.addEventListener(window, 'wxt:locationchange', navigated);
  vi.advanceTimersByTime(1500);
  expect(navigated).not.toHaveBeenCalled();
  history.pushState({}, '', '#/mail/inbox/id/2');
  vi.advanceTimersByTime(1000);
  expect(navigated).toHaveBeenCalledOnce();
  ctx.notifyInvalidated();
  history.pushState({}, '', '#/mail/inbox/id/3');
  vi.advanceTimersByTime(2000);
  expect(navigated).toHaveBeenCalledOnce();
});
