import type { CDPSession, Page } from 'playwright-core';
import type { Tend } from '../harness';

/** A CDP answer relayed from the side panel target. */
interface CdpAnswer {
  id?: number;
  result?: { result?: { value?: unknown } };
  error?: unknown;
}

/**
 * The real side panel docked in a browser window. Playwright does not attach to side panel
 * targets, so this drives it over raw CDP (Target.attachToTarget + sendMessageToTarget) from a
 * session of another page. Only reading and clicking are needed here.
 */
export class DockedSidePanel {
  private nextId = 1;
  private readonly pending = new Map<number, (message: CdpAnswer) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as CdpAnswer;
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
  }

  /** Open the side panel the way a user does (popup button, a real click) and attach to it. */
  static async open(tend: Tend, windowPage: Page): Promise<DockedSidePanel> {
    const popup = await tend.context.newPage();
    await popup.goto(tend.url('popup'));
    await popup.getByRole('button', { name: 'Open side panel' }).click();
    return DockedSidePanel.attach(tend, windowPage);
  }

  /** Attach to the side panel once it is open in the window (opened by any button). */
  static async attach(tend: Tend, windowPage: Page): Promise<DockedSidePanel> {
    const cdp = await tend.context.newCDPSession(windowPage);
    for (let attempt = 0; attempt < 50; attempt++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const panel = targetInfos.find((t) => t.url.startsWith(tend.url('sidepanel')));
      if (panel) {
        const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: panel.targetId, flatten: false });
        return new DockedSidePanel(cdp, sessionId);
      }
      await windowPage.waitForTimeout(100);
    }
    throw new Error('the side panel did not open');
  }

  /** Evaluate an expression in the side panel and return its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<CdpAnswer>((resolve) => this.pending.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    });
    const message = await answer;
    this.pending.delete(id);
    if (message.error) throw new Error(`side panel evaluate failed: ${JSON.stringify(message.error)}`);
    return message.result?.result?.value as T;
  }

  /** The names listed under "People on this page" (empty when there is no list). */
  peopleNames(): Promise<string[]> {
    return this.evaluate<string[]>(`[...document.querySelectorAll('[role=list][aria-label="People on this page"] .person-name')].map((e) => e.textContent)`);
  }

  /** The name on the open card, or null when no card is open. */
  cardName(): Promise<string | null> {
    return this.evaluate<string | null>(`document.querySelector('article h2')?.textContent ?? null`);
  }

  /** Click a button of the open card found by its accessible name (aria-label, else its text); false when there is none. */
  clickCardButton(name: string): Promise<boolean> {
    return this.evaluate<boolean>(`(() => {
      const button = [...document.querySelectorAll('article button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === ${JSON.stringify(name)});
      button?.click();
      return !!button;
    })()`);
  }

  /** The open card's pin toggle as assistive technology reads it: 'true', 'false', or null without a card. */
  pinPressed(): Promise<string | null> {
    return this.evaluate<string | null>(`document.querySelector('article button[aria-pressed]')?.getAttribute('aria-pressed') ?? null`);
  }

  /** Let the panel finish what a change set off (its effects run after it paints). */
  settle(): Promise<void> {
    return this.evaluate<void>(`new Promise((resolve) => setTimeout(resolve, 200))`);
  }
}
