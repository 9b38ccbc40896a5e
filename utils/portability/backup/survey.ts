/**
 * A backup walked once without writing anything: its envelope, every record checked, and the people
 * its records name. The options page's summary of a chosen file is this walk; a restore makes it
 * first, so a file it must refuse (another kind of file, damaged JSON, records naming people who
 * exist nowhere) is refused before its first batch is written.
 */
import { TendError } from '../../errors';
import { t } from '../../i18n';
import type { Settings } from '../../model/records';
import { unreadableFileIssue } from '../file-text';
import { checkEnvelope, readRecord, readSettings, RECORD_SCHEMAS, type InvalidRecord, type RestoredStore } from './read';
import { backupOfTexts, type BackupSource } from './source';

/** The stores a backup's records are restored into, in the order a restore writes them. */
export const RESTORED_STORES: readonly RestoredStore[] = ['contacts', 'identities', 'interactions', 'followUps'];

/** A store whose records name people. */
export type NamingStore = Exclude<RestoredStore, 'contacts'>;

/** A record naming a person who is not among the file's people. */
export interface OutsideName {
  store: NamingStore;
  id: string;
  personId: string;
}

/** What a backup holds, as its first walk found it. */
export interface BackupSurvey {
  exportedAt: string;
  settings: Settings | undefined;
  /** Records (and settings) that are not valid, settings first, then store by store. */
  invalid: InvalidRecord[];
  /** Records of each store that passed their schema. */
  valid: Record<RestoredStore, number>;
  /** Of those, the ones a restore decides (an identity row whose value normalises to nothing names nobody). */
  decided: Record<RestoredStore, number>;
  /** Identities written in another form than Tend's (upper case, spaces, invisible marks). */
  normalised: number;
  /** Ids of the file's valid people. */
  people: Set<string>;
  /** Ids of the file's damaged people: what names them is skipped, not refused. */
  skippedPeople: Set<string>;
  /** The first record naming each person who is not among the file's people, in file order. */
  namedOutside: OutsideName[];
  /** The restored stores' arrays, in the order the file lists them. */
  order: RestoredStore[];
}

const zero = (): Record<RestoredStore, number> => ({ contacts: 0, identities: 0, interactions: 0, followUps: 0 });
const restored = (name: string): name is RestoredStore => Object.hasOwn(RECORD_SCHEMAS, name);

/** How a walk is followed: `afterText` runs after each piece of the file's text (a place to pause and to cancel). */
export interface WalkOptions {
  afterText?: () => Promise<void> | void;
}

/** Walk `source` once, checking everything: a TendError says why the file cannot be restored. */
export async function surveyBackup(source: BackupSource, { afterText }: WalkOptions = {}): Promise<BackupSurvey> {
  const shape: Record<string, unknown> = {};
  const invalid = Object.fromEntries(RESTORED_STORES.map((store) => [store, [] as InvalidRecord[]])) as Record<RestoredStore, InvalidRecord[]>;
  const index = zero();
  const survey: Omit<BackupSurvey, 'exportedAt' | 'settings' | 'invalid'> = {
    valid: zero(),
    decided: zero(),
    normalised: 0,
    people: new Set(),
    skippedPeople: new Set(),
    namedOutside: [],
    order: [],
  };
  const named = new Set<string>();
  const name = (store: NamingStore, id: string, personId: string) => {
    if (survey.people.has(personId) || named.has(personId)) return;
    named.add(personId);
    survey.namedOutside.push({ store, id, personId });
  };
  for (const piece of source.walk(restored)) {
    if (piece.kind === 'text-end') {
      await afterText?.();
      continue;
    }
    if (piece.kind !== 'record') {
      // A name twice at the top: JSON.parse would keep the last, but no Tend ever wrote one; restoring
      // both arrays, or half of the file, would not be what the file's author meant.
      if (Object.hasOwn(shape, piece.name)) throw new TendError('invalid', t('backupDamaged'));
      Object.defineProperty(shape, piece.name, { value: piece.kind === 'field' ? piece.value : [], enumerable: true });
      if (piece.kind === 'array' && restored(piece.name)) survey.order.push(piece.name);
      continue;
    }
    if (!restored(piece.store)) continue;
    const store = piece.store;
    const at = index[store]++;
    const read = readRecord(store, piece.value);
    if ('reason' in read) {
      invalid[store].push({ store, index: at, reason: read.reason });
      const id = store === 'contacts' ? (piece.value as { id?: unknown } | null)?.id : undefined;
      if (typeof id === 'string') survey.skippedPeople.add(id);
      continue;
    }
    survey.valid[store]++;
    if ('dropped' in read) continue;
    survey.decided[store]++;
    survey.normalised += read.normalised;
    // The fields that name people, in whichever store the record is of.
    const record = read.record as { id?: string; key?: string; contactId?: string; contactIds?: string[] };
    if (store === 'contacts') survey.people.add(record.id!);
    else if (store === 'identities') name(store, record.key!, record.contactId!);
    else for (const personId of record.contactIds ?? [record.contactId!]) name(store, record.id!, personId);
  }
  const file = checkEnvelope(shape);
  const { settings, invalid: settingsInvalid } = readSettings(file.settings);
  return {
    ...survey,
    exportedAt: file.exportedAt,
    settings,
    invalid: [...(settingsInvalid ? [settingsInvalid] : []), ...RESTORED_STORES.flatMap((store) => invalid[store])],
    // People named before their own record came (a file in another order than Tend writes) are not outside it.
    namedOutside: survey.namedOutside.filter(({ personId }) => !survey.people.has(personId)),
  };
}

/** What a backup holds, as the options page shows it before a restore. */
export interface BackupTally {
  exportedAt: string;
  valid: Record<RestoredStore, number>;
  invalid: number;
}

/**
 * Count what a backup's text holds, piece by piece as it was read: a TendError says why a file is
 * unusable (empty, binary, not a backup, damaged JSON) in the words of the import section.
 */
export async function countBackup(pieces: readonly string[], options?: WalkOptions): Promise<BackupTally> {
  const first = pieces.find((piece) => piece !== '');
  if (first === undefined) throw new TendError('invalid', t('importFileEmpty'));
  const unreadable = unreadableFileIssue(first, t('importFormatBackup'));
  if (unreadable) throw new TendError('invalid', unreadable.reason);
  const survey = await surveyBackup(backupOfTexts(pieces), options);
  return { exportedAt: survey.exportedAt, valid: survey.valid, invalid: survey.invalid.length };
}
