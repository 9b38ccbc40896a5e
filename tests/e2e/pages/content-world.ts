import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';

interface World {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

/**
 * Tend's content script's isolated world in a page, reached over CDP: code evaluated there runs
 * with the script's `chrome.runtime` and `chrome.storage`, as a compromised renderer could run it.
 */
export class ContentWorld {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly worlds: World[],
    private readonly extensionId: string,
  ) {}

  /** Attach to the page's worlds; the content script's world is the newest isolated one of Tend's origin. */
  static async of(page: Page, extensionId: string): Promise<ContentWorld> {
    const cdp = await page.context().newCDPSession(page);
    const worlds: World[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    cdp.on('Runtime.executionContextsCleared', () => (worlds.length = 0));
    await cdp.send('Runtime.enable');
    const world = new ContentWorld(cdp, worlds, extensionId);
    await expect.poll(() => world.id() !== undefined, { timeout: 15_000 }).toBe(true);
    return world;
  }

  private id(): number | undefined {
    return this.worlds.findLast((w) => w.auxData?.type === 'isolated' && w.origin.includes(this.extensionId))?.id;
  }

  /** Evaluate an expression in the world; the value is returned as JSON. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      contextId: this.id()!,
      awaitPromise: true,
      returnByValue: true,
      expression,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  /** Send a message to the worker as the content script does, and return its reply. */
  send<T = { ok: boolean; error?: { code: string; message: string } }>(message: unknown): Promise<T> {
    return this.evaluate<T>(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
  }
}
