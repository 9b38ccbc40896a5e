/**
 * The JSON backup file, version 1: every contact, identity row, interaction and follow-up, and the
 * settings. The timeline store is left out: it is derived from interactions and rebuilt on restore.
 */
import { z } from 'zod';
import { t } from '../../i18n';
import { Contact, FollowUp, IdentityKind, Interaction, MAX_URL, Settings } from '../../model/records';

/** The `format` of every Tend backup file. */
export const BACKUP_FORMAT = 'tend-backup';
/**
 * The backup format this Tend writes and the newest it reads. Optional fields added to a record
 * keep the version: a stage entry's `stage: {from, to}` is one (an older Tend drops the field and
 * still reads the change from the entry's summary).
 */
export const BACKUP_VERSION = 1;

/** A row of the identity index (utils/db/schema.ts IdentityRecord), as a schema. */
export const IdentityRow = z
  .object({
    key: z
      .string()
      .min(1)
      .max(MAX_URL + 16),
    kind: IdentityKind,
    value: z.string().min(1).max(MAX_URL),
    contactId: z.uuid(),
  })
  // A function: the message is asked for when a row fails, in the UI language (not at load).
  .refine((row) => row.key === `${row.kind}:${row.value}`, { error: () => t('backupKeyMismatch') });
export type IdentityRow = z.infer<typeof IdentityRow>;

/** Format and version only: read first, so a newer file gets a clear message rather than a list of errors. */
export const BackupEnvelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
});

/**
 * The backup as written. Records are checked one by one on restore (see backup.ts), so the
 * arrays are `unknown[]` here and a single damaged record does not cost the whole file.
 */
export const BackupFile = BackupEnvelope.extend({
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  contacts: z.array(z.unknown()),
  identities: z.array(z.unknown()),
  interactions: z.array(z.unknown()),
  followUps: z.array(z.unknown()),
  settings: z.unknown(),
});

/** A valid backup, every record checked. */
export const Backup = BackupFile.extend({
  contacts: z.array(Contact),
  identities: z.array(IdentityRow),
  interactions: z.array(Interaction),
  followUps: z.array(FollowUp),
  settings: Settings,
});
export type Backup = z.infer<typeof Backup>;

/** The backup of these records, written `now`: the one place a backup file's envelope is made. */
export const backupOf = (records: Omit<Backup, 'format' | 'version' | 'exportedAt'>, now: number): Backup => ({
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  exportedAt: new Date(now).toISOString(),
  ...records,
});
