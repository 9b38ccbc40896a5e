import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';

/** A file the options page offered for download. */
export interface DownloadedFile {
  name: string;
  text: string;
}

/** Page object for the options page. */
export class OptionsPage {
  readonly importFile: Locator;
  readonly importPreview: Locator;
  readonly restorePreview: Locator;
  readonly importSection: Locator;

  constructor(readonly page: Page) {
    this.importFile = page.getByLabel('Import file');
    this.importPreview = page.getByRole('region', { name: 'Import preview' });
    this.restorePreview = page.getByRole('region', { name: 'Restore preview' });
    this.importSection = page.getByRole('region', { name: 'Import', exact: true });
  }

  static async open(page: Page, url: string): Promise<OptionsPage> {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Tend settings' }).waitFor();
    return new OptionsPage(page);
  }

  /** Add an entry to the editable list with this accessible name; waits until it is listed as `shownAs`. */
  async addTo(list: string, value: string, shownAs = value): Promise<void> {
    await this.page.getByLabel(`Add to ${list}`).fill(value);
    await this.page.getByLabel(`Add to ${list}`).press('Enter');
    await this.page.getByRole('list', { name: list }).getByText(shownAs, { exact: true }).waitFor();
  }

  entries(list: string): Promise<string[]> {
    return this.page.getByRole('list', { name: list }).locator('li > span').allInnerTexts();
  }

  /** Pick a file for import, made in the test (name, bytes). */
  async chooseFile(name: string, contents: string | Buffer, mimeType = 'application/octet-stream'): Promise<void> {
    await this.importFile.setInputFiles({ name, mimeType, buffer: typeof contents === 'string' ? Buffer.from(contents) : contents });
  }

  /** Restore a backup file as a user does (pick it, read the preview, confirm); waits until it is done. */
  async restoreBackup(name: string, text: string): Promise<void> {
    await this.chooseFile(name, text, 'application/json');
    await this.restorePreview.getByRole('button', { name: 'Restore backup' }).click();
    await this.importStatus()
      .getByText(/^The backup was restored/)
      .waitFor({ timeout: 60_000 });
  }

  /** Restore a backup file from disk (large files: no copy through the test's connection), as `restoreBackup` does. */
  async restoreBackupFile(path: string, timeout = 60_000): Promise<void> {
    await this.importFile.setInputFiles(path);
    await this.restorePreview.getByRole('button', { name: 'Restore backup' }).click({ timeout });
    await this.importStatus()
      .getByText(/^The backup was restored/)
      .waitFor({ timeout });
  }

  /** The lines of the preview's summary: "3 new people", "1 person Tend already knows", "1 entry rejected". */
  async importSummary(): Promise<string[]> {
    await this.importPreview.waitFor();
    return this.importPreview.getByRole('list', { name: 'Import summary' }).getByRole('listitem').allInnerTexts();
  }

  /** The items of a list inside the import preview, e.g. "New people", "Rejected entries". */
  async previewList(name: string): Promise<string[]> {
    const texts = await this.importPreview.getByRole('list', { name }).getByRole('listitem').allInnerTexts();
    // Name and address are laid out side by side or wrapped: compare them as one line.
    return texts.map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The status line of the import section (what the last import, restore or undo did). */
  importStatus(): Locator {
    return this.importSection.getByRole('status');
  }

  /** Click an export button and read the file it downloads (a large export may take longer than the default wait). */
  async download(button: string, timeout = 30_000): Promise<DownloadedFile> {
    const download = await this.startDownload(button, timeout);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Click an export button and keep the file it downloads at `path`, never read whole (a backup past V8's string limit). */
  async downloadTo(button: string, path: string, timeout = 30_000): Promise<void> {
    const download = await this.startDownload(button, timeout);
    await download.saveAs(path);
    await download.delete();
  }

  private async startDownload(button: string, timeout: number): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout }),
      this.page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    return download;
  }

  /** Type the confirmation and delete everything; waits for the page to say it is done. */
  async deleteEverything(): Promise<void> {
    await this.page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await this.page.getByRole('button', { name: 'Delete everything' }).click();
    await this.page.getByRole('status').getByText('Everything Tend kept has been deleted.').waitFor();
  }

  /** How many records each IndexedDB store of Tend holds, read in the page. */
  recordCounts(): Promise<Record<string, number>> {
    return this.readStores('count') as Promise<Record<string, number>>;
  }

  /**
   * The count of each store of the user's records (not the change log or saved indexes), of the
   * import history, and of unfinished restores' and imports' notes.
   */
  userRecordCounts(): Promise<Record<string, number>> {
    return this.readStores('count', ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'imports', 'restores']) as Promise<
      Record<string, number>
    >;
  }

  /** Each stored person's name and addresses, read in the page (what an import or restore really wrote). */
  async storedPeople(): Promise<{ displayName: string; identities: string[] }[]> {
    const { contacts } = (await this.readStores('getAll', ['contacts'])) as { contacts: { displayName: string; identities: { value: string }[] }[] };
    return contacts.map((contact) => ({ displayName: contact.displayName, identities: contact.identities.map((identity) => identity.value) }));
  }

  /** Each store's count or records (all stores unless named), read in the page with the database's own API. */
  private readStores(read: 'count' | 'getAll', only?: string[]): Promise<Record<string, unknown>> {
    return this.page.evaluate(
      async ({ read, only }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('tend');
          // Reading must never create the database: an empty v1 would skip Tend's own upgrade.
          request.onupgradeneeded = () => request.transaction?.abort();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const names = only ?? [...db.objectStoreNames];
        const tx = db.transaction(names, 'readonly');
        const results = await Promise.all(
          names.map(
            (name) =>
              new Promise<unknown>((resolve, reject) => {
                const request = read === 'count' ? tx.objectStore(name).count() : tx.objectStore(name).getAll();
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        db.close();
        return Object.fromEntries(names.map((name, i) => [name, results[i]]));
      },
      { read, only },
    );
  }

  /** Everything in the extension's chrome.storage.local and chrome.storage.session. */
  extensionStorage(): Promise<{ local: Record<string, unknown>; session: Record<string, unknown> }> {
    return this.page.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(keys: null): Promise<Record<string, unknown>> }> } })
        .chrome;
      return { local: await storage.local.get(null), session: await storage.session.get(null) };
    });
  }
}
