/**
 * Which of many keys a store (or index) holds, in one request where it can: the keys between the
 * smallest and the largest asked for. A bulk writer (a restore's batch of 5,000 records, whose ids
 * mostly follow each other) then reads only the records that are there, not one miss per record.
 */
import type { ReadTx } from './schema';

type KeyedStore = 'contacts' | 'identities' | 'interactions' | 'followUps';

/**
 * The keys among `keys` that `store` holds, or undefined when the range between them holds more
 * than `limit` keys (a populated store where the asked keys are spread wide: ask one by one then).
 */
export async function presentKeys(tx: ReadTx, store: KeyedStore, keys: readonly string[], limit = 4 * keys.length): Promise<Set<string> | undefined> {
  return presentIn(tx.objectStore(store), keys, limit, (source, range, count) => source.getAllKeys(range, count));
}

/**
 * None of `keys` is a taken dedupe key of an interaction: an empty set when the index holds no key
 * between them (one count), else undefined (ask one by one).
 */
export async function presentDedupeKeys(tx: ReadTx, keys: readonly string[]): Promise<Set<string> | undefined> {
  return presentIn(tx.objectStore('interactions').index('by-dedupe'), keys, 0, async (index, range) =>
    (await index.count(range)) > 0 ? [range.lower as string] : [],
  );
}

async function presentIn<S>(
  source: S,
  keys: readonly string[],
  limit: number,
  keysIn: (source: S, range: IDBKeyRange, count: number) => Promise<IDBValidKey[]>,
): Promise<Set<string> | undefined> {
  if (keys.length === 0) return new Set();
  let low = keys[0]!;
  let high = low;
  for (const key of keys) {
    if (key < low) low = key;
    if (key > high) high = key;
  }
  const found = await keysIn(source, IDBKeyRange.bound(low, high), limit + 1);
  if (found.length > limit) return undefined;
  const asked = new Set(keys);
  return new Set((found as string[]).filter((key) => asked.has(key)));
}
