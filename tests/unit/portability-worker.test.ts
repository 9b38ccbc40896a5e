/**
 * The options page's bulk operations as requests the worker answers: the page's own functions
 * (reading a file, exporting, sending long texts) talk to the real router and handlers through a
 * runtime that behaves as Chrome's does (JSON-serialised messages, refused over 64 MiB).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeExportFile } from '../../components/settings/export-files';
import { previewMappedCsv, readImportFile } from '../../components/settings/import-file';
import { receiveParts, sendFile } from '../../components/settings/transfer';
import type { StoreName, TendDatabase } from '../../utils/db/schema';
import { ask } from '../../utils/messaging/client';
import { CHUNK_CHARS, PREVIEW_SHOWN, type ExportChoice } from '../../utils/messaging/features/portability';
import { SLICE_BYTES } from '../../utils/portability/file-text';
import { Broadcast } from '../../utils/messaging/protocol';
import { concernsPeople, concernsPerson, MAX_NAMED_PEOPLE } from '../../utils/messaging/changed';
import { createRouter } from '../../utils/messaging/router';
import { newId } from '../../utils/ids';
import type { Contact, FollowUp, Interaction } from '../../utils/model/records';
import { hasSearchIndex } from '../../utils/search/live-index';
import { alarmName } from '../../utils/services/followups/alarms-sync';
import { createHandlers } from '../../utils/services/handlers';
import { failingAs } from '../../utils/services/portability/failures';
import { partsPayloadOf, textOf } from '../../utils/services/portability/transfers';
import { endProgress, reportProgress } from '../../utils/services/portability/progress';
import { backupFileText } from '../e2e/pages/backup-file';
import { ADA, DAY, freshDb, rulesWith, threadSighting } from './helpers';
import { installServiceWorker } from './fake-service-worker';
import { recordSighting } from '../../utils/services/sightings/sightings';

const NOW = Date.UTC(2024, 4, 1, 12);
const ID = 'tend-extension-id';
const PAGE = { id: ID, url: `chrome-extension://${ID}/options.html` };
/** Chrome's cap on one runtime message's JSON (see utils/messaging/features/portability.ts). */
const CHROME_MAX_MESSAGE = 64 * 1024 * 1024;

let db: TendDatabase;
let broadcasts: Broadcast[];
let largestMessage: number;

beforeEach(async () => {
  // Only Date is faked (exported files are named by the day); IndexedDB's own timers run.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  db = await freshDb();
  const route = createRouter(
    createHandlers(Promise.resolve(db), () => NOW),
    { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` },
  );
  installServiceWorker(`chrome-extension://${ID}/`);
  broadcasts = [];
  largestMessage = 0;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const json = JSON.stringify(message);
    largestMessage = Math.max(largestMessage, Buffer.byteLength(json));
    if (Buffer.byteLength(json) > CHROME_MAX_MESSAGE) throw new Error('Message exceeded maximum allowed size of 64MiB.');
    const change = Broadcast.safeParse(message);
    if (change.success) return void broadcasts.push(change.data);
    return JSON.parse(JSON.stringify(await route(JSON.parse(json), PAGE)));
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const VCARDS = [
  crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Ada Lovelace', 'EMAIL:ada@analytical.example', 'CATEGORIES:friends', 'END:VCARD'),
  crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Noor Haddad', 'EMAIL:noor@haddad.example', 'END:VCARD'),
].join('');

const searchPeople = async (query: string) => (await ask({ type: 'search', query })).people.map((hit) => hit.contact.displayName);

describe('imports', () => {
  test('preview, apply and undo are the worker’s: search follows each write and the pages hear who changed', async () => {
    await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), rulesWith(), NOW - DAY);
    const ada = (await db.getAll('contacts'))[0]!;
    expect(await searchPeople('noor')).toEqual([]); // builds the index before the import
    broadcasts = [];

    const step = await readImportFile(new File([VCARDS], 'friends.vcf'));
    if (step.step !== 'preview') throw new Error(`expected a preview, got ${step.step}`);
    expect(step.shown.newPeople.map((person) => person.displayName)).toEqual(['Noor Haddad']);
    expect(step.shown.matches.map((merge) => merge.contactId)).toEqual([ada.id]);
    expect(step.shown.counts).toEqual({ newPeople: 1, matches: 1, rejected: 0, warnings: 0 });
    expect(await db.count('contacts')).toBe(1); // the preview wrote nothing

    const { importId } = await ask({ type: 'applyImport', preview: await sendFile(step.preview) });
    const noor = (await db.getAll('contacts')).find((contact) => contact.displayName === 'Noor Haddad')!;
    expect(broadcasts.map((change) => [...(change.contactIds ?? [])].sort())).toEqual([[noor.id, ada.id].sort()]);
    expect(await searchPeople('noor')).toEqual(['Noor Haddad']);
    expect(await ask({ type: 'listImports' })).toEqual([
      expect.objectContaining({ id: importId, source: 'vCard: friends.vcf', createdPeople: 1, changedPeople: 1 }),
    ]);

    const undone = await ask({ type: 'undoImport', importId });
    expect(undone).toMatchObject({ removedContacts: 1, restoredContacts: 1, kept: [] });
    expect([...(broadcasts.at(-1)!.contactIds ?? [])].sort()).toEqual([noor.id, ada.id].sort());
    expect(await searchPeople('noor')).toEqual([]);
    expect((await ask({ type: 'listImports' }))[0]!.undoneAt).toBe(NOW);
  });

  /** A file as Windows' "Unicode" (UTF-16 LE with a byte-order mark) writes it. */
  const utf16File = (name: string, text: string) => new File([Buffer.from(`\uFEFF${text}`, 'utf16le')], name);

  test('a UTF-16 CSV of unknown columns comes back for the column matching, then previews through the columns chosen', async () => {
    const file = utf16File('excel.csv', 'Wer,Post\r\nZoë,zoe@example.com\r\n');
    const step = await readImportFile(file);
    if (step.step !== 'mapping') throw new Error(`expected the column matching, got ${step.step}`);
    expect(step.headers).toEqual(['Wer', 'Post']);
    const mapped = await previewMappedCsv(step.fileName, step.file, { displayName: 'Wer', emails: ['Post'], urls: [] });
    expect(mapped).toMatchObject({ step: 'preview', shown: { source: 'CSV: excel.csv', newPeople: [{ displayName: 'Zoë' }] } });
  });

  test('a CSV with 20,000 columns is refused with the limit before the column matching is drawn', async () => {
    const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',');
    await expect(readImportFile(new File([`${header}\n`], 'wide.csv'))).rejects.toThrow(
      'No one can be imported from “wide.csv”: line 1: This file has 20,000 columns; Tend reads CSV files of up to 500 columns.',
    );
  });

  test('a large preview comes to the page in parts it never parses, lists cut to what it shows with their counts', async () => {
    const cards = Array.from({ length: 5_000 }, (_, i) =>
      crlf('BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${i}`, `EMAIL:person${i}@many.example`, 'END:VCARD'),
    ).join('');
    const step = await readImportFile(new File([cards], 'many.vcf'));
    if (step.step !== 'preview') throw new Error(`expected a preview, got ${step.step}`);
    expect(step.shown.newPeople).toHaveLength(PREVIEW_SHOWN);
    expect(step.shown.counts.newPeople).toBe(5_000);
    expect(step.preview.size).toBeGreaterThan(1024 * 1024);
    // Every message of the preview and of its return is short: the page receives and sends each in a short task.
    expect(largestMessage).toBeLessThan(1024 * 1024 * 6);
    await ask({ type: 'applyImport', preview: await sendFile(step.preview) });
    expect(await db.count('contacts')).toBe(5_000);
  }, 60_000);

  test('an import of more people than a broadcast names tells the pages "everyone" in a short message, not 1,500 ids', async () => {
    const cards = Array.from({ length: MAX_NAMED_PEOPLE + 500 }, (_, i) =>
      crlf('BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${i}`, `EMAIL:person${i}@many.example`, 'END:VCARD'),
    ).join('');
    const step = await readImportFile(new File([cards], 'many.vcf'));
    if (step.step !== 'preview') throw new Error(`expected a preview, got ${step.step}`);
    broadcasts = [];
    await ask({ type: 'applyImport', preview: await sendFile(step.preview) });
    expect(await db.count('contacts')).toBe(MAX_NAMED_PEOPLE + 500);
    // (A sync status broadcast may come too: it names no one.)
    const aboutPeople = broadcasts.filter((message) => message.sync !== true);
    expect(aboutPeople).toEqual([{ type: 'changed', contactIds: [], everyone: true }]);
    // Every open page's listeners ask whether it concerns the person they show: it does.
    expect(concernsPerson(aboutPeople[0]!, newId(NOW))).toBe(true);
    expect(concernsPeople(aboutPeople[0]!)).toBe(true);
  }, 60_000);

  test('a preview the database no longer matches is refused in words, and nothing is written', async () => {
    const step = await readImportFile(new File([VCARDS], 'friends.vcf'));
    if (step.step !== 'preview') throw new Error('expected a preview');
    await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), rulesWith(), NOW);
    broadcasts = [];
    await expect(ask({ type: 'applyImport', preview: await sendFile(step.preview) })).rejects.toThrow(
      "Tend's data changed since this preview was made: preview the import again.",
    );
    expect(await db.count('contacts')).toBe(1);
    expect(await db.count('imports')).toBe(0);
    expect(broadcasts).toEqual([]);
  });
});

describe('backups', () => {
  const person: Contact = {
    id: newId(NOW - 9 * DAY),
    displayName: 'Grace Hopper',
    identities: [{ kind: 'email', value: 'grace@navy.example' }],
    tags: [],
    createdAt: NOW - 9 * DAY,
    updatedAt: NOW - 9 * DAY,
  };
  const note: Interaction = {
    id: newId(NOW - 8 * DAY),
    contactIds: [person.id],
    kind: 'note',
    at: NOW - 8 * DAY,
    summary: 'Talked about COBOL',
    createdAt: NOW - 8 * DAY,
  };
  const followUp: FollowUp = { id: newId(NOW - 8 * DAY), contactId: person.id, due: NOW + 2 * DAY, text: 'Send the compiler notes', done: false };

  /** Restore a backup file as the options page does: read it, then hand its text to the worker. */
  async function restore(name: string, text: string) {
    const step = await readImportFile(new File([text], name));
    if (step.step !== 'backup') throw new Error(`expected a backup, got ${step.step}`);
    return ask({ type: 'restoreBackup', backup: await sendFile(step.file) });
  }

  test('restore: every record back, found by the search index, follow-up alarms set, the pages told', async () => {
    expect(await searchPeople('grace')).toEqual([]);
    expect(hasSearchIndex(db)).toBe(true);
    const report = await restore('tend-backup.json', backupFileText({ contacts: [person], interactions: [note], followUps: [followUp] }, NOW));
    expect(report).toMatchObject({ added: { contacts: 1, identities: 1, interactions: 1, followUps: 1 }, conflicts: [], invalid: [], problemCount: 0 });
    expect(await searchPeople('grace')).toEqual(['Grace Hopper']);
    expect((await ask({ type: 'search', query: 'cobol' })).notes.map((hit) => hit.id)).toEqual([note.id]);
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).toEqual([alarmName(followUp.id)]);
    // A commit per batch, and a store's records are a batch of their own: the pages hear of Grace four times.
    expect(broadcasts).toEqual(Array.from({ length: 4 }, () => ({ type: 'changed', contactIds: [person.id] })));
  });

  test('a restore with many problems sends the first ones and the count, as the page lists them', async () => {
    const damaged = JSON.parse(backupFileText({ contacts: [person], interactions: [] }, NOW));
    damaged.interactions = Array.from({ length: 450 }, (_, i) => ({ id: `not-an-id-${i}` }));
    const report = await restore('damaged.json', JSON.stringify(damaged));
    expect(report.invalid).toHaveLength(200);
    expect(report.invalid[0]).toMatchObject({ store: 'interactions', index: 0 });
    expect(report.problemCount).toBe(450);
  });

  test('export through the worker, delete everything, restore: the same backup, storage areas emptied in between', async () => {
    await restore('tend-backup.json', backupFileText({ contacts: [person], interactions: [note], followUps: [followUp] }, NOW));
    await fakeBrowser.storage.session.set({ 'tab-people:7': { url: 'https://example.com/' } });
    const before = await exportedText('backup');
    expect(before).toMatchObject({ name: 'tend-backup-2024-05-01.json', type: 'application/json' });
    expect(await searchPeople('grace')).toEqual(['Grace Hopper']);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    broadcasts = [];

    expect(await ask({ type: 'deleteEverything', confirmed: true })).toEqual({ deletedPeople: 1 });
    // Every store empty but the settings, which hold the defaults again (see the settings tests).
    for (const store of db.objectStoreNames) expect(await db.count(store as StoreName), store).toBe(store === 'settings' ? 1 : 0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await searchPeople('grace')).toEqual([]);
    // The cleared settings store is announced by the commit, and again as the defaults are written;
    // the people by the handler (a clear names no one).
    expect(broadcasts).toEqual([
      { type: 'changed', contactIds: [], settings: true },
      { type: 'changed', contactIds: [], settings: true },
      { type: 'changed', contactIds: [person.id] },
    ]);

    await restore(before.name, before.text);
    expect(await exportedText('backup')).toEqual(before);
    const people = await exportedText('people-csv');
    expect(people.name).toBe('tend-people-2024-05-01.csv');
    expect(people.text).toContain('grace@navy.example');
  });

  test('a backup of several slices is handed to the worker whole, which counts it and reads it a slice at a time, characters split between slices intact', async () => {
    const notes = Array.from({ length: 400 }, (_, i) => ({ ...note, id: newId(NOW - DAY + i), summary: `Note ${i}: ${'détail ✓ '.repeat(200)}` }));
    const text = backupFileText({ contacts: [person], interactions: notes }, NOW);
    expect(new Blob([text]).size).toBeGreaterThan(3 * SLICE_BYTES);
    const step = await readImportFile(new File([text], 'tend-backup.json'));
    expect(step).toMatchObject({ step: 'backup', summary: { people: 1, entries: 400, followUps: 0, invalid: 0 } });
    const shares: number[] = [];
    const payload = await sendFile(new File([text], 'tend-backup.json'), (bytes) => shares.push(bytes));
    expect(payload).toMatchObject({ chunks: shares.length });
    expect(shares.length).toBeGreaterThan(3);
    // No runtime message carried the file's text: the page posted the File itself.
    expect(largestMessage).toBeLessThan(4096);
    const report = await ask({ type: 'restoreBackup', backup: payload });
    expect(report.added).toMatchObject({ contacts: 1, interactions: 400 });
    expect(report.problemCount).toBe(0);
    expect((await db.getAll('interactions')).map((entry) => entry.summary).sort()).toEqual(notes.map((entry) => entry.summary).sort());
  });

  test('a backup export tells the page how far the worker has gone, then the page how far it has read', async () => {
    await restore('tend-backup.json', backupFileText({ contacts: [person], interactions: [note], followUps: [followUp] }, NOW));
    const shares: number[] = [];
    const file = await makeExportFile('backup', (share) => shares.push(share));
    expect(JSON.parse(await (file.text as Blob).text())).toMatchObject({ contacts: [person], interactions: [note], followUps: [followUp] });
    expect(shares.at(-1)).toBe(1);
    expect(shares.every((share, i) => share >= 0 && share <= 1 && (i === 0 || share >= shares[i - 1]!))).toBe(true);
    // The worker's progress while it writes, read as the page reads it, then forgotten once done.
    const progressId = crypto.randomUUID();
    reportProgress(progressId, 3, 4);
    expect(await ask({ type: 'transferProgress', progressId })).toEqual({ done: 3, total: 4 });
    endProgress(progressId);
    expect(await ask({ type: 'transferProgress', progressId })).toEqual({ done: 0, total: 0 });
  });

  test('delete everything is refused without the confirmation the page sends once the user typed the word', async () => {
    await restore('tend-backup.json', backupFileText({ contacts: [person], interactions: [] }, NOW));
    await expect(ask({ type: 'deleteEverything' } as never)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.count('contacts')).toBe(1);
  });
});

/** An export as the page makes it, its Blob read back as text. */
async function exportedText(choice: ExportChoice): Promise<{ name: string; type: string; text: string }> {
  const file = await makeExportFile(choice);
  return { ...file, text: typeof file.text === 'string' ? file.text : await file.text.text() };
}

describe('long texts', () => {
  test('a file longer than one slice is handed to the worker whole (no runtime message carries it) and staged in slices; its staged text is used once', async () => {
    // The worst case for JSON: control characters, six bytes each once escaped.
    const text = '\u0001'.repeat(SLICE_BYTES) + 'x'.repeat(SLICE_BYTES) + 'end';
    const sent = await sendFile(new Blob([text]));
    expect(sent).toMatchObject({ chunks: 3 });
    expect(largestMessage).toBe(0);
    expect(textOf(sent)).toBe(text);
    // Used once: the staged text is released.
    expect(() => textOf(sent)).toThrow('Tend’s background stopped while the file was being handed to it.');
  }, 60_000);

  test('a file in parts comes to the page part by part as one Blob; a part longer than a message is cut', async () => {
    const parts = ['{"a":', '\u0001'.repeat(CHUNK_CHARS + 5), '"}'];
    const answer = partsPayloadOf(parts, NOW);
    expect(answer).toMatchObject({ parts: 4 });
    const read: number[] = [];
    const blob = await receiveParts(answer, 'application/json', (done) => read.push(done));
    expect(read).toEqual([1, 2, 3, 4]);
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(parts.join(''));
    expect(largestMessage).toBeLessThan(CHROME_MAX_MESSAGE);
    await expect(receiveParts(answer, 'application/json')).rejects.toThrow('Tend’s background stopped while the file was being handed to it.');
    expect(partsPayloadOf(['short'])).toEqual({ text: 'short' });
  }, 60_000);

  test('a short file travels inline, in the request itself', async () => {
    expect(await sendFile(new Blob(['{"a":1}']))).toEqual({ text: '{"a":1}' });
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();
    expect(partsPayloadOf(['{"a":1}'])).toEqual({ text: '{"a":1}' });
  });

  test('chunks out of order, or of a transfer the worker lost, are refused in words', async () => {
    const transferId = crypto.randomUUID();
    await expect(ask({ type: 'uploadChunk', transferId, index: 1, text: 'b' })).rejects.toMatchObject({ code: 'not-found' });
    await ask({ type: 'uploadChunk', transferId, index: 0, text: 'a' });
    await expect(ask({ type: 'uploadChunk', transferId, index: 2, text: 'c' })).rejects.toThrow(/try again/);
    await expect(ask({ type: 'restoreBackup', backup: { transferId: crypto.randomUUID(), chunks: 2 } })).rejects.toThrow(/try again/);
  });
});

test('an unexpected failure in the worker reaches the page in the words the page used to say it', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(failingAs('restore', () => Promise.reject(new Error('disk on fire')))).rejects.toThrow(
    'Tend could not restore this backup (disk on fire). Nothing was changed.',
  );
  await expect(failingAs('backup', () => Promise.reject(new Error('disk on fire')))).rejects.toThrow('Tend could not make a backup (disk on fire).');
});

test('a failure with an empty message is never "()": its name, or a full disk in plain words with its cause', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(failingAs('import', () => Promise.reject(new DOMException('', 'UnknownError')))).rejects.toThrow(
    'Tend could not import (UnknownError). Nothing was changed.',
  );
  await expect(failingAs('import', () => Promise.reject(new DOMException('', 'QuotaExceededError')))).rejects.toThrow(
    'Tend could not import (there is no room left: the disk, or the space Chrome gives Tend, is full — QuotaExceededError; free some space and try again). Nothing was changed.',
  );
  await expect(
    failingAs('restore', () => Promise.reject(new DOMException('Encountered disk full while committing transaction.', 'UnknownError'))),
  ).rejects.toThrow(/^Tend could not restore this backup \(there is no room left: .* Encountered disk full while committing transaction\.; free some space/);
  await expect(failingAs('import', () => Promise.reject(new Error('')))).rejects.toThrow('Tend could not import (unknown error). Nothing was changed.');
});
