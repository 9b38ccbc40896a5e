import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage, type PageReport } from '../../utils/content/page-watcher';
import { webRecogniser } from '../../utils/recognise/web/recogniser';

/** The parts of WXT's content script context the watcher uses, over the test's window. */
function fakeContext(): ContentScriptContext & { invalidate(): void } {
  const cleanups: (() => void)[] = [];
  const ctx = {
    isValid: true,
    setTimeout: (handler: () => void, ms?: number) => window.setTimeout(handler, ms),
    addEventListener: (target: EventTarget, type: string, listener: EventListener) => {
      target.addEventListener(type, listener);
      cleanups.push(() => target.removeEventListener(type, listener));
    },
    onInvalidated: (cleanup: () => void) => void cleanups.push(cleanup),
    invalidate() {
      ctx.isValid = false;
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
  return ctx as unknown as ContentScriptContext & { invalidate(): void };
}

/** A mailto link for `address`, named `name`. */
function mailto(address: string, name: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = `mailto:${address}`;
  link.textContent = name;
  return link;
}

describe('watchPage hands what the page shows to the report function it is given', () => {
  let ctx: ReturnType<typeof fakeContext> | undefined;
  afterEach(() => {
    ctx?.invalidate();
    document.body.replaceChildren();
  });

  test('once at start, then again when the page shows someone new, never twice for the same people', async () => {
    document.body.append(mailto('ada@analytical.example', 'Ada Lovelace'));
    const reports: PageReport[] = [];
    ctx = fakeContext();
    watchPage(ctx, webRecogniser, (report) => reports.push(report));

    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(reports[0]).toMatchObject({ site: 'web', people: [{ email: 'ada@analytical.example', name: 'Ada Lovelace' }], self: [] });
    // No transport in the report: the content script's messaging client adds the envelope.
    expect(reports[0]).not.toHaveProperty('type');

    document.body.append(mailto('grace@navy.example', 'Grace Hopper'));
    await vi.waitFor(() => expect(reports).toHaveLength(2));
    expect(reports[1]!.people.map((person) => person.email)).toEqual(['ada@analytical.example', 'grace@navy.example']);

    document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(reports).toHaveLength(2);
  });
});
