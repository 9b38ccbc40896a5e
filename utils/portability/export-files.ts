/** The files the options page exports, each built by the worker from one read of the database. */
import { readWholeStores } from '../db/all-stores-repo';
import type { TendDatabase } from '../db/schema';
import type { ExportChoice } from '../messaging/features/portability';
import type { Contact } from '../model/records';
import { writeBackupParts } from './backup/write';
import { exportInteractionsCsv, exportPeopleCsv } from './csv/export';
import { exportFileName } from './file-names';
import { writeVCards } from './vcard/write';
import { loadSettings } from '../services/settings/settings';

/** A file's name, MIME type and text, before the page offers it as a download. */
export interface MadeFile {
  name: string;
  /** MIME type, e.g. `text/csv;charset=utf-8`. */
  type: string;
  /** The text in parts, whose concatenation is the file (a backup may be longer than one string can be). */
  parts: string[];
}

/** What a made file tells its maker: records written so far, and in all. */
export type ExportProgress = (done: number, total: number) => void;

const byName = (a: Contact, b: Contact) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);

async function allContacts(db: TendDatabase): Promise<Contact[]> {
  return (await readWholeStores(db, ['contacts'])).contacts.sort(byName);
}

/** The whole backup as a file: every record and the user's settings (no other record of the settings store). */
export async function makeBackupFile(db: TendDatabase, now = Date.now(), onProgress?: ExportProgress): Promise<MadeFile> {
  // Settings first: the records are read in one transaction of their own.
  const settings = await loadSettings(db);
  const parts = await writeBackupParts(db, settings, now, { onProgress });
  return { name: exportFileName('backup', now), parts, type: 'application/json' };
}

/** The file for one export choice. */
export async function makeExportFile(db: TendDatabase, choice: ExportChoice, now = Date.now(), onProgress?: ExportProgress): Promise<MadeFile> {
  if (choice === 'backup') return makeBackupFile(db, now, onProgress);
  const { name, type, text } = await makeTextFile(db, choice, now);
  return { name, type, parts: [text] };
}

/** The smaller exports (contacts and entries as vCards or CSV), each one text. */
async function makeTextFile(db: TendDatabase, choice: Exclude<ExportChoice, 'backup'>, now: number): Promise<{ name: string; type: string; text: string }> {
  switch (choice) {
    case 'vcard4':
      return { name: exportFileName('contacts', now), text: writeVCards(await allContacts(db), '4.0'), type: 'text/vcard;charset=utf-8' };
    case 'vcard3':
      // Both vCard files may land in one folder: the 3.0 one says so in its name.
      return {
        name: exportFileName('contacts', now).replace(/\.vcf$/, '-vcard3.vcf'),
        text: writeVCards(await allContacts(db), '3.0'),
        type: 'text/vcard;charset=utf-8',
      };
    case 'people-csv':
      return { name: exportFileName('people', now), text: exportPeopleCsv(await allContacts(db)), type: 'text/csv;charset=utf-8' };
    case 'interactions-csv': {
      const { contacts, interactions } = await readWholeStores(db, ['contacts', 'interactions']);
      const byId = new Map(contacts.map((contact) => [contact.id, contact]));
      return { name: exportFileName('interactions', now), text: exportInteractionsCsv(interactions, byId), type: 'text/csv;charset=utf-8' };
    }
  }
}
