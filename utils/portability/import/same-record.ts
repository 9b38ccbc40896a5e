/**
 * Deep equality of stored records (plain data as IndexedDB's structured clone returns it): key
 * order does not matter, and a key holding `undefined` counts as absent, as it does in JSON.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameRecord(item, b[i]));
  const defined = (record: object) => Object.entries(record).filter(([, value]) => value !== undefined);
  const entriesA = defined(a);
  const entriesB = new Map(defined(b));
  return entriesA.length === entriesB.size && entriesA.every(([key, value]) => entriesB.has(key) && sameRecord(value, entriesB.get(key)));
}
