/**
 * The roster as saved in the `snapshots` store: its rows in name order as one JSON string (the
 * structured clone of one string is far cheaper than of 10,000 objects), with the duplicate count,
 * so a worker that just started answers the People view without reading or sorting anyone.
 */
import type { RosterRow } from './roster';

/** The snapshot's name in the `snapshots` store. */
export const ROSTER_SNAPSHOT = 'people-roster';

/**
 * Bump when a row's shape or how it is made changes (rosterRow, the duplicate rules): a snapshot
 * of another format is never used, the rows are read again.
 */
const FORMAT = 1;

interface SavedRoster {
  format: number;
  /** The collator's locale the name order was sorted in: another locale sorts names again. */
  locale: string;
  /** RosterRow[] in name order. */
  rows: string;
  duplicates: number;
}

const collatorLocale = () => new Intl.Collator().resolvedOptions().locale;

/** What the roster keeps of a snapshot: its rows, their places in name order, the duplicate count. */
export interface KeptRoster {
  rows: Map<string, RosterRow>;
  /** Absent when the names were sorted in another locale: they are sorted again on first use. */
  places?: Map<string, number>;
  duplicates: number;
}

/** The roster's rows as saved: sorted by their places in name order. */
export function rosterSnapshot(rows: Map<string, RosterRow>, places: Map<string, number>, duplicates: number): SavedRoster {
  const sorted = [...rows.values()].sort((a, b) => places.get(a.id)! - places.get(b.id)!);
  return { format: FORMAT, locale: collatorLocale(), rows: JSON.stringify(sorted), duplicates };
}

function isSavedRoster(data: unknown): data is SavedRoster {
  if (typeof data !== 'object' || data === null) return false;
  const saved = data as Partial<SavedRoster>;
  return saved.format === FORMAT && typeof saved.rows === 'string' && typeof saved.locale === 'string' && typeof saved.duplicates === 'number';
}

/** The rows of a snapshot, or undefined when it is of another format or does not parse (then read everyone). */
export function rosterFromSnapshot(data: unknown): KeptRoster | undefined {
  if (!isSavedRoster(data)) return undefined;
  let sorted: unknown;
  try {
    sorted = JSON.parse(data.rows);
  } catch {
    return undefined;
  }
  if (!Array.isArray(sorted) || !sorted.every((row) => typeof (row as RosterRow | null)?.id === 'string')) return undefined;
  const rows = new Map<string, RosterRow>();
  const places = new Map<string, number>();
  for (const row of sorted as RosterRow[]) {
    places.set(row.id, places.size);
    rows.set(row.id, row);
  }
  return { rows, ...(data.locale === collatorLocale() && { places }), duplicates: data.duplicates };
}
