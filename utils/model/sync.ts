/**
 * What sync keeps for itself in the worker's database (the name-keyed `settings` store, beside the
 * user's settings): the server and credentials, and how far each direction got. Neither record is
 * ever sent to a page, put in a backup or exported.
 */
import { z } from 'zod';
import { EpochMs, MAX_NAME, MAX_URL } from './records';
import { SyncErrorCode } from '../messaging/features/sync';

/** The server sync talks to, the user's credentials, and the database of theirs it replicates with. */
export const SyncConfig = z.object({
  /** The server's URL, without credentials and without a trailing slash. */
  server: z.string().max(MAX_URL),
  user: z.string().min(1).max(MAX_NAME),
  password: z.string().min(1).max(1000),
  /** The user's private database on that server (couch_peruser: `userdb-<hex of the name>`). */
  database: z.string().min(1).max(300),
  /** The team database the user joined (optional): a second replica with what the team may see. */
  team: z.string().min(1).max(300).optional(),
});
export type SyncConfig = z.infer<typeof SyncConfig>;

/** How far sync got: the change-log row last pushed, the local replica's change last applied, the last outcome. */
export const SyncState = z.object({
  /** The last row of Tend's change log whose record is on the server; absent: nothing pushed yet (the first pass copies every record). */
  pushedSeq: z.number().int().min(0).optional(),
  /** The local replica's last change applied to Tend's stores (PouchDB's `seq`, saved with the records it applied). */
  pulledSeq: z.union([z.number(), z.string().max(1000)]).optional(),
  /** The same two checkpoints for the team database (absent: nothing pushed to or applied from it yet). */
  teamPushedSeq: z.number().int().min(0).optional(),
  teamPulledSeq: z.union([z.number(), z.string().max(1000)]).optional(),
  lastSyncedAt: EpochMs.optional(),
  /** Documents from the server that failed validation, over every pass since sync was turned on. */
  rejected: z.number().int().min(0).default(0),
  lastError: z.object({ code: SyncErrorCode, detail: z.string().max(500).optional(), at: EpochMs }).optional(),
});
export type SyncState = z.infer<typeof SyncState>;
