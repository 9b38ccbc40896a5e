import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Tend } from './harness';
import { OptionsPage } from './pages/options';
import { Popup } from './pages/popup';
import { SearchPanel } from './pages/search-view';

const VCARD_FIXTURE = 'tests/fixtures/portability/options-import.vcf';

let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

/** Open a Gmail thread (Ada, Charles, Grace; "me" is the user) and wait until Tend has recorded its people. */
async function seedFromGmail(options: OptionsPage): Promise<Page> {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  await expect.poll(async () => (await options.recordCounts()).contacts).toBe(3);
  return gmail;
}

/** What the popup's "Add a person" field lists for a query, once the search has answered. */
async function pickerOptions(popup: Popup, query: string): Promise<string[]> {
  await popup.page.getByLabel('Add a person').fill(query);
  return popup.page.getByRole('listbox', { name: 'Matching people' }).getByRole('option').allInnerTexts();
}

test('a vCard file imports through its preview; the people are found in the popup; Undo import takes them back', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await seedFromGmail(options);

  await options.importFile.setInputFiles(VCARD_FIXTURE);
  expect(await options.importSummary()).toEqual(['3 new people', '1 person Tend already knows', '1 entry rejected']);
  expect(await options.previewList('New people')).toEqual([
    expect.stringContaining('Noor Haddad'),
    expect.stringContaining('Tomás Ruiz'),
    expect.stringContaining('Ines Okafor'),
  ]);
  const known = await options.previewList('People Tend already knows');
  expect(known).toHaveLength(1);
  expect(known[0]).toContain('Ada Lovelace: same email address ada@analytical.example');
  expect(known[0]).toContain('adds 1 tag');
  expect(await options.previewList('Rejected entries')).toEqual(['Line 28: This card has no name, email address or web address.']);
  // The preview wrote nothing.
  expect((await options.recordCounts()).contacts).toBe(3);

  await options.page.getByRole('button', { name: 'Import 4 people' }).click();
  await options.importStatus().getByText('Imported 4 people from vCard: options-import.vcf.').waitFor();
  expect(await options.importPreview.count()).toBe(0);
  expect((await options.recordCounts()).contacts).toBe(6);

  // The popup acts for the options tab: no one is on that page, so the picker leaves no one out.
  const popup = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${await tend.tabIdOf(options.page)}`));
  await expect.poll(() => pickerOptions(popup, 'Noor')).toEqual(['Noor Haddad noor@haddad.example', 'Add “Noor” as a new person']);
  await expect.poll(() => pickerOptions(popup, 'Ruiz')).toEqual(['Tomás Ruiz tomas@ruiz.example', 'Add “Ruiz” as a new person']);
  await expect.poll(() => pickerOptions(popup, 'okafor')).toEqual(['Ines Okafor ines@okafor.example', 'Add “okafor” as a new person']);
  // And through the side panel's Search.
  const search = new SearchPanel(await tend.context.newPage());
  await search.page.goto(tend.url('sidepanel'));
  await search.open();
  await search.field.fill('noor');
  await expect.poll(() => search.group('People').allInnerTexts()).toEqual([expect.stringContaining('Noor Haddad')]);

  const history = options.page.getByRole('list', { name: 'Recent imports' }).getByRole('listitem');
  expect(await history.allInnerTexts()).toEqual([expect.stringMatching(/^vCard: options-import\.vcf .*: 3 new, 1 updated\s+Undo import$/)]);
  await history.getByRole('button', { name: 'Undo import' }).click();
  await options.importStatus().getByText('Import undone: 3 people removed, 1 person restored.').waitFor();
  await history.getByText(/^Undone /).waitFor();
  expect(await history.getByRole('button', { name: 'Undo import' }).count()).toBe(0);
  expect((await options.recordCounts()).contacts).toBe(3);

  await expect.poll(() => pickerOptions(popup, 'Noor')).toEqual(['Add “Noor” as a new person']);
  await expect.poll(() => pickerOptions(popup, 'okafor')).toEqual(['Add “okafor” as a new person']);
  // Ada was only added to: she is still there.
  await expect.poll(() => pickerOptions(popup, 'Ada')).toEqual(['Ada Lovelace ada@analytical.example', 'Add “Ada” as a new person']);
});

test('export the JSON backup, delete everything, restore the file: every record and setting comes back identical', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  const gmail = await seedFromGmail(options);
  await expect.poll(() => options.page.reload().then(() => options.entries('Your addresses'))).toEqual(['me@example.com']);
  await options.addTo('Never record anyone at these domains', 'spam.example');
  await options.importFile.setInputFiles(VCARD_FIXTURE);
  await options.page.getByRole('button', { name: 'Import 4 people' }).click();
  await options
    .importStatus()
    .getByText(/^Imported 4 people/)
    .waitFor();
  // A follow-up too, so every store the backup carries holds something (no UI writes them yet).
  await options.page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('tend');
        request.onsuccess = () => {
          const tx = request.result.transaction(['contacts', 'followUps'], 'readwrite');
          const first = tx.objectStore('contacts').getAllKeys(null, 1);
          first.onsuccess = () => {
            const contactId = String(first.result[0]);
            tx.objectStore('followUps').add({ id: crypto.randomUUID(), contactId, due: Date.UTC(2030, 0, 2), text: 'Send the draft', done: false });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  // The Gmail tab would report its people again after the deletion; the backup must be all there is.
  await gmail.close();

  const before = await options.download('Full backup (JSON)');
  expect(before.name).toMatch(/^tend-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const countsBefore = await options.recordCounts();
  expect(countsBefore).toMatchObject({ contacts: 6, followUps: 1, imports: 1 });
  expect(countsBefore.interactions).toBeGreaterThan(0);
  expect(countsBefore.timeline).toBeGreaterThan(0);

  const confirmation = options.page.getByLabel('Type DELETE to confirm');
  const deleteButton = options.page.getByRole('button', { name: 'Delete everything' });
  await confirmation.fill('delete');
  expect(await deleteButton.isDisabled()).toBe(true);
  await options.deleteEverything();
  // Every store empty; the settings hold the defaults again.
  expect(Object.entries(await options.recordCounts()).every(([store, count]) => count === (store === 'settings' ? 1 : 0))).toBe(true);
  expect(await options.extensionStorage()).toEqual({ local: {}, session: {} });
  expect(await options.page.getByRole('list', { name: 'Your addresses' }).count()).toBe(0);

  await options.chooseFile(before.name, before.text, 'application/json');
  await options.restorePreview.getByText(/A Tend backup made on .*: 6 people, \d+ history entries, 1 follow-up, and settings\./).waitFor();
  await options.restorePreview.getByRole('button', { name: 'Restore backup' }).click();
  await options.importStatus().getByText('The backup was restored, settings included.').waitFor();
  expect(await options.entries('Your addresses')).toEqual(['me@example.com']);
  expect(await options.entries('Never record anyone at these domains')).toEqual(['spam.example']);

  const after = await options.download('Full backup (JSON)');
  const withoutDate = (file: string) => ({ ...JSON.parse(file), exportedAt: undefined });
  expect(withoutDate(after.text)).toEqual(withoutDate(before.text));
  // The timeline (not in the file) is rebuilt; only the import history stays gone.
  expect(await options.recordCounts()).toEqual({ ...countsBefore, imports: 0 });
});

test('an unknown CSV goes through a column mapping the user corrects, then the usual preview', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await options.importFile.setInputFiles('tests/fixtures/portability/other-contacts-semicolon.csv');
  const mapper = options.page.getByRole('form', { name: 'Match columns' });
  // Tend's guesses from the header names.
  expect(await mapper.getByLabel('Full name', { exact: true }).inputValue()).toBe('Full name');
  expect(await mapper.getByLabel('Organisation').inputValue()).toBe('Firm');
  expect(await mapper.getByLabel('Notes').inputValue()).toBe('Remarks');
  const emails = mapper.getByLabel('Email addresses');
  expect(await emails.evaluate((select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value))).toEqual(['Work e-mail', 'Private e-mail']);
  // The user keeps only private addresses.
  await emails.selectOption(['Private e-mail']);
  await mapper.getByRole('button', { name: 'Preview import' }).click();

  expect(await options.importSummary()).toEqual(['3 new people', '0 people Tend already knows', '1 entry rejected']);
  // Sanne's only address was in the column the user left out.
  expect(await options.previewList('New people')).toEqual(['Sanne de Wit', 'Bram "The Builder" Kok bram.kok@mail.example', 'Lotte Jansen']);
  expect(await options.previewList('Rejected entries')).toEqual(['Line 7: This row has 8 cells but the header has 7.']);
  await options.page.getByRole('button', { name: 'Import 3 people' }).click();
  await options.importStatus().getByText('Imported 3 people from CSV: other-contacts-semicolon.csv.').waitFor();
  expect((await options.recordCounts()).contacts).toBe(3);
});

test('malformed files get a clear error and nothing is written', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await seedFromGmail(options);
  const countsBefore = await options.recordCounts();
  const storageBefore = await options.extensionStorage();
  const alert = options.importSection.getByRole('alert');

  const cases: [name: string, contents: string | Buffer, message: string][] = [
    ['garbage.vcf', 'this is not a vCard\r\nFN:nobody\r\n\u0007\u0008 at all', 'No one can be imported from “garbage.vcf”: No vCard found in this file'],
    ['truncated.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Sh', 'line 1: This card is not closed (END:VCARD is missing)'],
    ['settings.json', '{"theme": "dark", "contacts": []}', 'This file is not a Tend backup.'],
    ['broken.json', '{"format": "tend-backup", "version": 1, "contacts": [', 'This Tend backup is cut short: its text ends at line 1, column'],
    ['sheet.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]), 'This is a binary file, not a CSV file.'],
    ['empty.vcf', '', 'The file is empty.'],
  ];
  for (const [name, contents, message] of cases) {
    await options.chooseFile(name, contents);
    await alert.getByText(message).waitFor();
    expect(await options.importPreview.count(), name).toBe(0);
    expect(await options.restorePreview.count(), name).toBe(0);
    expect(await options.page.getByRole('button', { name: /^Import \d+ (people|person)$|^Restore backup$/ }).count(), name).toBe(0);
  }

  expect(await options.recordCounts()).toEqual(countsBefore);
  expect(await options.extensionStorage()).toEqual(storageBefore);
  expect(await options.page.getByRole('list', { name: 'Recent imports' }).count()).toBe(0);
});
