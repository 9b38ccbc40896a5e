/**
 * The last version of each record that Tend's stores and the local replica agreed on, kept in the
 * replica as `_local/` documents (never replicated). A record that differs from its base was
 * edited in Tend since: a pull leaves it for the next push, which merges it field by field with
 * what came from the server instead of overwriting either side.
 */
import type { Replica } from './replicas';

const baseId = (docId: string) => `_local/base:${docId}`;

/** The bases of these documents (undefined where none was kept). */
export async function readBases(replica: Replica, docIds: readonly string[]): Promise<Map<string, unknown>> {
  const found = await Promise.all(
    docIds.map((docId) =>
      replica.get<{ record: unknown }>(baseId(docId)).then(
        (doc) => [docId, doc.record] as const,
        () => [docId, undefined] as const,
      ),
    ),
  );
  return new Map(found);
}

/** Keep these records (undefined: deleted) as the bases of their documents. */
export async function writeBases(replica: Replica, records: ReadonlyMap<string, unknown>): Promise<void> {
  await Promise.all(
    [...records].map(async ([docId, record]) => {
      const id = baseId(docId);
      const previous = await replica.get(id).catch(() => undefined);
      await replica.put({ _id: id, ...(previous && { _rev: previous._rev }), record: record ?? null });
    }),
  );
}
