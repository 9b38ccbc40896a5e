/**
 * Addresses another writer gives someone while an import runs. The import checks its plan against
 * the database once, then writes batch after batch; between two batches the worker's other writes
 * go in (a Gmail thread seen creates a person for an address the file has too). Adding that address
 * again would fail the batch (the address index is unique) and take the whole import back; instead
 * the import hears every commit meanwhile and gives no address someone else now holds: the file's
 * new person joins whoever holds it (apply.ts).
 */
import { onCommit } from '../../db/commit';
import type { IdentityRecord, TendDatabase } from '../../db/schema';

export interface LateClaims {
  /** Who holds the address `key` by another writer's commit since the watch began (undefined: nobody new). */
  holderOf(key: string): string | undefined;
  /** The import gives `key` to `contactId` (its own commit of it is then not someone else's claim). */
  ours(key: string, contactId: string): void;
  stop(): void;
}

/** Watch the commits of `db` for addresses given by writers other than the import. */
export function watchLateClaims(db: TendDatabase): LateClaims {
  const held = new Map<string, string | undefined>();
  const claimed = new Map<string, string>();
  const stop = onCommit(db, ({ changes }) => {
    for (const { store, op, key, value } of changes) {
      if (store !== 'identities' || typeof key !== 'string') continue;
      const owner = op === 'put' ? (value as IdentityRecord).contactId : undefined;
      if (owner !== undefined && claimed.get(key) === owner) continue;
      // Released since (the user unlinked it, the person was deleted): free again.
      if (owner === undefined && held.has(key)) held.delete(key);
      else if (owner !== undefined) held.set(key, owner);
    }
  });
  return {
    holderOf: (key) => held.get(key),
    ours: (key, contactId) => void claimed.set(key, contactId),
    stop,
  };
}
