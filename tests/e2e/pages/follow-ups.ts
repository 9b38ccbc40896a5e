import type { Locator, Page, Worker } from 'playwright-core';

/** A `datetime-local` value in the browser's time zone, as the field shows it. */
export function localInput(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Page object for follow-ups in the side panel: the card's section and the Follow-ups view. */
export class FollowUpsPanel {
  constructor(readonly page: Page) {}

  /** The card's keep-in-touch line ("On track · Keep in touch every 30 days · due in 29 days"). */
  get cadenceState(): Locator {
    return this.page.getByRole('status', { name: 'Keep in touch' });
  }

  /** Add a follow-up on the open card; `due` is a datetime-local value. */
  async addOnCard(text: string, due: string, confirmPast = false): Promise<void> {
    await this.page.getByRole('button', { name: 'Remind me', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'New follow-up' });
    await form.getByLabel('Follow up on').fill(text);
    await form.getByLabel('Due', { exact: true }).fill(due);
    if (confirmPast) await form.getByLabel(/That time has passed/).check();
    await form.getByRole('button', { name: 'Add follow-up' }).click();
  }

  async openView(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Follow-ups' }).click();
  }

  /** The texts of one list of the Follow-ups view or the card: "Due and overdue", "Done"... */
  list(name: string): Locator {
    return this.page.getByRole('list', { name, exact: true }).getByRole('listitem');
  }
}

/** The worker's `chrome` and the handlers the background exposes on `globalThis.tend`. */
interface WorkerGlobals {
  chrome: {
    action: { getBadgeText(details: object): Promise<string> };
    notifications: { getAll(): Promise<Record<string, unknown>> };
    alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  };
  tend: Record<string, (...args: unknown[]) => Promise<unknown>>;
}

/** Reading Chrome's state and calling Tend's event handlers from the service worker. */
export class WorkerProbe {
  constructor(private readonly worker: () => Promise<Worker>) {}

  async badge(): Promise<string> {
    return (await this.worker()).evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.action.getBadgeText({}));
  }

  async notificationIds(): Promise<string[]> {
    return (await this.worker()).evaluate(async () => Object.keys(await (globalThis as unknown as WorkerGlobals).chrome.notifications.getAll()));
  }

  /** Tend's alarms: name and when each fires. */
  async alarms(): Promise<{ name: string; scheduledTime: number }[]> {
    return (await this.worker()).evaluate(async () =>
      (await (globalThis as unknown as WorkerGlobals).chrome.alarms.getAll()).map(({ name, scheduledTime }) => ({ name, scheduledTime })),
    );
  }

  /** Call a handler of `globalThis.tend` as Chrome's event would. */
  async call<T>(handler: string, ...args: unknown[]): Promise<T> {
    return (await this.worker()).evaluate(([name, rest]) => (globalThis as unknown as WorkerGlobals).tend[name as string]!(...(rest as unknown[])), [
      handler,
      args,
    ] as const) as Promise<T>;
  }

  /** Every record of an IndexedDB store of Tend's database. */
  async records<T>(store: string): Promise<T[]> {
    return (await this.worker()).evaluate(
      (name) =>
        new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('tend');
          open.onsuccess = () => {
            const all = open.result.transaction(name).objectStore(name).getAll();
            all.onsuccess = () => (resolve(all.result as T[]), open.result.close());
            all.onerror = () => reject(all.error);
          };
        }),
      store,
    );
  }

  /** Overwrite one record (to move a person's last interaction into the past). */
  async put(store: string, record: object): Promise<void> {
    await (
      await this.worker()
    ).evaluate(
      ([name, value]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('tend');
          open.onsuccess = () => {
            const tx = open.result.transaction(name, 'readwrite');
            tx.objectStore(name).put(value);
            tx.oncomplete = () => (resolve(), open.result.close());
            tx.onerror = () => reject(tx.error);
          };
        }),
      [store, record] as const,
    );
  }
}
