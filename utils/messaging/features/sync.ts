/**
 * Page requests of sync (issue "sync over the CouchDB replication protocol"): the options page turns
 * it on and off and shows its state; the side panel shows a state line. The worker alone holds the
 * server's address, the user name and the password (utils/services/sync): a page never reads the
 * password back. Merged into PageRequest in ../protocol.ts.
 */
import { z } from 'zod';
import { MAX_NAME, MAX_URL } from '../../model/records';

/** CouchDB's longest database name. */
const MAX_TEAM_NAME = 238;

/** Why the last sync pass failed, in words a user can act on (the page shows the message for the code). */
export const SyncErrorCode = z.enum([
  /** The server refused the user name and password (401). */
  'unauthorized',
  /** The user has no access to the database (403, or 401 on a database it may not read). */
  'forbidden',
  /** The user has no access to the team database they named (not a member, or no longer one). */
  'team-forbidden',
  /** The server did not answer (offline, wrong address, server down). */
  'unreachable',
  /** Tend has no permission for the server's origin (the user revoked it in Chrome). */
  'no-permission',
  /** Anything else the server answered with (its reason is in `detail`). */
  'server',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/** What sync is doing, for the options page and the side panel's state line. */
export const SyncStatus = z.object({
  /** `off`: never turned on or turned off (the default: Tend makes no request at all). */
  state: z.enum(['off', 'idle', 'syncing', 'error']),
  /** The server's URL as the user typed it, normalised (no credentials in it). */
  server: z.string().max(MAX_URL).optional(),
  user: z.string().max(MAX_NAME).optional(),
  /** The team database the user joined, when they did (the team space: see utils/services/sync/team-pass.ts). */
  team: z.string().max(MAX_TEAM_NAME).optional(),
  /** When a pass last completed (pushed and pulled) without error. */
  lastSyncedAt: z.number().optional(),
  /** Local changes not yet on the server. */
  pending: z.number().int().min(0),
  /** Documents from the server that failed validation and were not applied (counted, never applied). */
  rejected: z.number().int().min(0),
  lastError: z.object({ code: SyncErrorCode, detail: z.string().max(500).optional(), at: z.number() }).optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** The server's address as typed: http(s) only, no credentials in the URL (they go in their own fields). */
export const SyncServerUrl = z
  .string()
  .trim()
  .max(MAX_URL)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  });

/**
 * A team database's name as CouchDB allows it (a lower-case letter, then lower-case letters,
 * digits and `_$()+-/`); another user's private database is not a team.
 */
export const TeamDatabaseName = z
  .string()
  .trim()
  .max(MAX_TEAM_NAME)
  .regex(/^[a-z][a-z0-9_$()+/-]*$/)
  .refine((name) => !name.startsWith('userdb-'));

/** The page requests of sync. */
export const syncRequests = [
  z.object({ type: z.literal('getSyncStatus') }),
  /**
   * Turn sync on with these credentials (the options page, after `permissions.request` for the
   * server's origin: the worker refuses when Tend lacks it). Checks the credentials with the
   * server before saving them; the first pass starts at once.
   */
  z.object({
    type: z.literal('turnOnSync'),
    server: SyncServerUrl,
    user: z.string().trim().min(1).max(MAX_NAME),
    password: z.string().min(1).max(1000),
    /** A team database to join (optional): checked with the server like the user's own. */
    team: TeamDatabaseName.optional(),
  }),
  /** Stop syncing and forget the credentials; local data stays as it is. */
  z.object({ type: z.literal('turnOffSync') }),
  /** Run a pass now (push, then pull). */
  z.object({ type: z.literal('syncNow') }),
] as const;

/** What each of those requests answers with. */
export const syncResults = {
  getSyncStatus: SyncStatus,
  turnOnSync: SyncStatus,
  turnOffSync: SyncStatus,
  syncNow: SyncStatus,
} satisfies Record<string, z.ZodType>;
