/** The files the options page exports, each built by the worker from one read of the database. */
import { readWholeStores } from '../db/all-stores-repo';
import type { TendDatabase } from '../db/schema';
import type { ExportChoice } from '../messaging/features/portability';
import type { Contact } from '../model/records';
import { exportBackup } from './backup/backup';
import { exportInteractionsCsv, exportPeopleCsv } from './csv/export';
import { exportFileName } from './file-names';
import { writeVCards } from './vcard/write';
import { loadSettings } from '../services/settings/settings';

/** A file's name, MIME type and text, before the page offers it as a download. */
export interface MadeFile {
  name: string;
  /** MIME type, e.g. `text/csv;charset=utf-8`. */
  type: string;
  text: string;
}

const byName = (a: Contact, b: Contact) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);

async function allContacts(db: TendDatabase): Promise<Contact[]> {
  return (await readWholeStores(db, ['contacts'])).contacts.sort(byName);
}

/** The whole backup as a file: every record and the settings. */
export async function makeBackupFile(db: TendDatabase, now = Date.now()): Promise<MadeFile> {
  // Settings first: exportBackup reads the records in one transaction of its own.
  const settings = await loadSettings(db);
  const backup = await exportBackup(db, settings, now);
  return { name: exportFileName('backup', now), text: JSON.stringify(backup, null, 2), type: 'application/json' };
}

/** The file for one export choice. */
export async function makeExportFile(db: TendDatabase, choice: ExportChoice, now = Date.now()): Promise<MadeFile> {
  switch (choice) {
    case 'backup':
      return makeBackupFile(db, now);
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
