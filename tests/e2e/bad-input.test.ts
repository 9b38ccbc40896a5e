/**
 * Bad input through the options page, in Chromium with the built extension: a UTF-16 file, a
 * backup with an impossible date and addresses in another form than Tend's, CSV files too wide
 * to read. Each is either read right or refused with a message naming why, and the page goes on.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Tend } from './harness';
import { backupFileText } from './pages/backup-file';
import { FollowUpsPanel } from './pages/follow-ups';
import { OptionsPage } from './pages/options';
import { SidePanel } from './pages/side-panel';

const DAY = 86_400_000;

let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

test('a UTF-16 LE vCard file (with its byte-order mark) imports both people with their names intact', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  const vcard = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Zoë Ångström',
    'EMAIL:zoe@angstrom.example',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Łukasz Żółć',
    'EMAIL:lukasz@zolc.example',
    'END:VCARD',
    '',
  ].join('\r\n');
  // As Windows address books write "Unicode": a BOM, then two bytes a character, low byte first.
  await options.chooseFile('contacts-utf16.vcf', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(vcard, 'utf16le')]), 'text/vcard');

  expect(await options.importSummary()).toEqual(['2 new people', '0 people Tend already knows', '0 entries rejected']);
  expect(await options.previewList('New people')).toEqual(['Zoë Ångström zoe@angstrom.example', 'Łukasz Żółć lukasz@zolc.example']);
  await options.page.getByRole('button', { name: 'Import 2 people' }).click();
  await options.importStatus().getByText('Imported 2 people from vCard: contacts-utf16.vcf.').waitFor();

  const stored = await options.storedPeople();
  expect(stored.sort((a, b) => a.displayName.localeCompare(b.displayName))).toEqual([
    { displayName: 'Łukasz Żółć', identities: ['lukasz@zolc.example'] },
    { displayName: 'Zoë Ångström', identities: ['zoe@angstrom.example'] },
  ]);
});

test('a backup with a follow-up due in year 275760 and an address in capitals with spaces: the date is refused by name, the address restored as Tend writes it; views still render', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  const now = Date.now();
  const adaId = crypto.randomUUID();
  const farId = crypto.randomUUID();
  const text = backupFileText({
    contacts: [
      {
        id: adaId,
        displayName: 'Ada Lovelace',
        identities: [{ kind: 'email', value: 'ADA@Analytical.Example  ' }],
        tags: [],
        createdAt: now - DAY,
        updatedAt: now - DAY,
      },
    ],
    interactions: [],
    followUps: [
      { id: crypto.randomUUID(), contactId: adaId, due: now + DAY, text: 'Send the engine notes', done: false },
      // The last day JavaScript dates reach: valid to JSON and to Date, not to Tend.
      { id: farId, contactId: adaId, due: Date.UTC(275760, 0, 1), text: 'Far in the future', done: false },
    ],
  });

  await options.chooseFile('hand-made.json', text, 'application/json');
  await options.restorePreview.getByText('1 damaged record will be skipped.').waitFor();
  await options.restorePreview.getByRole('button', { name: 'Restore backup' }).click();
  // The status says the records are back first, then that the settings are too (a second request).
  await expect
    .poll(() => options.importStatus().innerText(), { timeout: 60_000 })
    .toBe(
      'The backup was restored, settings included. 1 address was written in another form than Tend’s (capitals, spaces, invisible marks) and was restored in Tend’s.',
    );
  const notRestored = options.importSection.getByRole('list', { name: 'Not restored' }).getByRole('listitem');
  expect(await notRestored.allInnerTexts()).toEqual(['A damaged record (followUps #2) was skipped: A date is outside the years 1970 to 9999.']);
  expect(await options.storedPeople()).toEqual([{ displayName: 'Ada Lovelace', identities: ['ada@analytical.example'] }]);
  expect(await options.recordCounts()).toMatchObject({ contacts: 1, followUps: 1 });

  // A Gmail thread from ada@analytical.example finds the restored Ada: no second Ada is made.
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  await expect.poll(async () => (await options.recordCounts()).contacts).toBe(3);
  expect((await options.storedPeople()).filter((person) => person.displayName === 'Ada Lovelace')).toHaveLength(1);

  const view = new FollowUpsPanel(await tend.context.newPage());
  await view.page.goto(tend.url('sidepanel'));
  await view.openView();
  await expect.poll(() => view.list('Upcoming (next 14 days)').allInnerTexts()).toEqual([expect.stringContaining('Send the engine notes')]);

  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(gmail)}`));
  await panel.openPerson('Ada Lovelace');
  await expect
    .poll(() => new FollowUpsPanel(panel.page).list('Upcoming (next 14 days)').allInnerTexts())
    .toEqual([expect.stringContaining('Send the engine notes')]);
});

test('a CSV of 100,000 columns and one of a 10 MB line are refused at once, naming the limit; the page still answers a click', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  const alert = options.importSection.getByRole('alert');
  const folder = await mkdtemp(join(tmpdir(), 'tend-bad-input-'));
  const wideHeader = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
  const cases: [name: string, contents: string, message: string][] = [
    ['wide.csv', `${wideHeader}\r\n${'x,'.repeat(99_999)}x\r\n`, 'This file has 100,000 columns; Tend reads CSV files of up to 500 columns.'],
    ['long-line.csv', 'a'.repeat(10 * 1024 * 1024), 'This line is 10,485,760 characters long; Tend reads CSV lines of up to 1,000,000 characters.'],
  ];
  for (const [name, contents, message] of cases) {
    // From disk: the browser reads the file itself, so the time is the page's, not a 10 MB copy through CDP.
    const path = join(folder, name);
    await writeFile(path, contents);
    const picked = performance.now();
    await options.importFile.setInputFiles(path);
    await alert.getByText(message).waitFor();
    const refusedIn = performance.now() - picked;
    expect(await options.importPreview.count(), name).toBe(0);
    expect(await options.page.getByRole('form', { name: 'Match columns' }).count(), name).toBe(0);

    // The page answers: a backup export is a click, a worker round trip and a download.
    const clicked = performance.now();
    const backup = await options.download('Full backup (JSON)');
    const answeredIn = performance.now() - clicked;
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'tend-backup', contacts: [] });
    console.log(`${name}: refused in ${Math.round(refusedIn)} ms after it was picked; next click answered in ${Math.round(answeredIn)} ms`);
  }
  expect((await options.recordCounts()).contacts).toBe(0);
  await rm(folder, { recursive: true });
});
