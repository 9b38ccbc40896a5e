/**
 * A backup as a restore reads it: its pieces (top-level fields, and each record of its arrays), as
 * often as the restore needs to walk them. A file's text is split again on each walk rather than
 * parsed once and held: a 100,000-person backup parsed whole is over a gigabyte of objects, while a
 * walk holds one piece of text's records at a time.
 */
import { TendError } from '../../errors';
import { t, uiLanguage } from '../../i18n';
import { BackupSplitter, BackupSyntaxError, type BackupPiece } from './split';

/** A piece of the backup, or the end of one piece of its text (where a long walk may pause). */
export type WalkPiece = BackupPiece | { kind: 'text-end' };

/** A backup that can be walked piece by piece, any number of times. */
export interface BackupSource {
  /**
   * Walk the backup's pieces in file order, with a `text-end` after each piece of its text (a part
   * of the upload). Records of stores `reads` refuses come out with an undefined value: their text
   * is not parsed.
   */
  walk(reads?: (store: string) => boolean): Iterable<WalkPiece>;
  /** How many pieces of text a walk goes through (a `text-end` each). */
  readonly texts: number;
}

/** The backup a file's text holds, given in the pieces it arrived in (never joined: see split.ts). */
export function backupOfTexts(texts: readonly string[]): BackupSource {
  return {
    texts: texts.length,
    *walk(reads) {
      const splitter = new BackupSplitter(reads);
      let first = true;
      for (const text of texts) {
        // A byte order mark before the JSON is not part of it.
        yield* syntaxChecked(() => splitter.push(first ? text.replace(/^\ufeff/, '') : text));
        yield { kind: 'text-end' };
        first = false;
      }
      syntaxChecked(() => splitter.end());
    },
  };
}

/** A backup already parsed (tests, and callers that hold small files as objects): walked as its text would be. */
export function backupOfObject(backup: unknown): BackupSource {
  return {
    texts: 1,
    *walk() {
      const fields = typeof backup === 'object' && backup !== null && !Array.isArray(backup) ? Object.entries(backup) : [];
      for (const [name, value] of fields) {
        if (!Array.isArray(value)) {
          yield { kind: 'field', name, value };
          continue;
        }
        yield { kind: 'array', name };
        for (const record of value as unknown[]) yield { kind: 'record', store: name, value: record };
      }
      yield { kind: 'text-end' };
    },
  };
}

/** Run a step of reading a backup's text; a syntax error becomes a TendError saying what is wrong and where. */
export function syntaxChecked<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof BackupSyntaxError)) throw error;
    // A file that is not JSON from its first character gets no place: it is some other kind of file.
    if (error.at === 0) throw new TendError('invalid', t('backupNotJson'));
    const where = [error.line, error.column, error.at].map((n) => n.toLocaleString(uiLanguage()));
    // A file that ends inside its JSON was cut short (a copy or download stopped): said so, with where.
    throw new TendError('invalid', t(error.cutShort ? 'backupCutShort' : 'backupNotJsonAt', ...where));
  }
}
