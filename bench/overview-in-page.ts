/**
 * The Overview bench's in-page half (issue 17), bundled by overview-bench.mjs and injected into a
 * blank page of a disk-backed profile: writes a year of history into a real IndexedDB through
 * Tend's upgrade path, then times the year's overview against one IndexedDB count of the year's
 * entries on the by-at index (the least any answer read from the stores could cost), alternating.
 */
import { openTendDb } from '../utils/db/open';
import { readTx, type TendDatabase } from '../utils/db/schema';
import { DEFAULT_SETTINGS, type Contact, type Interaction, type InteractionKind, type Stage } from '../utils/model/records';
import { dropActivityIndex, lastActivityLoad, saveActivityIndexNow } from '../utils/services/overview/activity-index';
import { relationshipOverview } from '../utils/services/overview/overview';
import { dropRoster, saveRosterNow } from '../utils/services/people-list/roster';
import { periodAround } from '../utils/time/dates';
import { median } from './median.mjs';
import { SeededRandom } from './pages/random';

const DB = 'tend-overview-bench';
/** The overview's "now": mid-December, so the year holds almost all of it. */
const NOW = new Date(2025, 11, 15, 12).getTime();
const YEAR = periodAround('year', NOW);
const KINDS: InteractionKind[] = ['sighting', 'sighting', 'sighting', 'sighting', 'sighting', 'note', 'note', 'note', 'email', 'call', 'meeting', 'message'];
const STAGES: Stage[] = ['prospect', 'active', 'customer', 'won', 'lost', 'dormant'];

let db: TendDatabase | undefined;

const id = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-7000-8000-000000000000`;

/** `people` people and `entries` entries over the year before NOW (a tenth the year before), 2% of them stage changes. */
function history(people: number, entries: number): { contacts: Contact[]; interactions: Interaction[] } {
  const random = new SeededRandom(20261206);
  const since = YEAR.start - (YEAR.end - YEAR.start) / 10;
  const contacts: Contact[] = Array.from({ length: people }, (_, n) => ({
    id: id(n),
    displayName: `Person ${n}`,
    identities: [],
    tags: n % 7 === 0 ? ['friend'] : [],
    ...(n % 5 === 0 && { stage: random.pick(STAGES) }),
    ...(n % 3 === 0 && { cadenceDays: random.int(7, 90) }),
    createdAt: since + random.next() * (NOW - since),
    updatedAt: since,
  }));
  const interactions: Interaction[] = [];
  for (let n = 0; n < entries; n++) {
    const at = Math.floor(since + random.next() * (NOW - since));
    const owner = contacts[random.int(0, people - 1)]!;
    const stage = random.next() < 0.02;
    const kind: InteractionKind = stage ? 'stage' : random.pick(KINDS);
    const contactIds = kind === 'sighting' ? [owner.id, contacts[random.int(0, people - 1)]!.id] : [owner.id];
    interactions.push({
      id: id(people + n),
      contactIds: [...new Set(contactIds)],
      kind,
      at,
      summary: stage ? '' : `Entry ${n}`,
      ...(stage && { stage: { from: random.pick(STAGES), to: random.pick(STAGES) } }),
      ...(kind === 'call' && { experience: random.pick(['positive', 'neutral', 'negative'] as const) }),
      createdAt: at,
    });
    owner.lastInteractionAt = Math.max(owner.lastInteractionAt ?? 0, at);
  }
  return { contacts, interactions };
}

async function write(target: TendDatabase, { contacts, interactions }: ReturnType<typeof history>): Promise<void> {
  const batch = 5000;
  for (let i = 0; i < contacts.length; i += batch) {
    const tx = target.transaction(['contacts'], 'readwrite');
    for (const contact of contacts.slice(i, i + batch)) void tx.objectStore('contacts').put(contact);
    await tx.done;
  }
  for (let i = 0; i < interactions.length; i += batch) {
    const tx = target.transaction(['interactions', 'timeline'], 'readwrite');
    for (const entry of interactions.slice(i, i + batch)) {
      void tx.objectStore('interactions').put(entry);
      for (const contactId of entry.contactIds) void tx.objectStore('timeline').put({ contactId, at: entry.at, interactionId: entry.id });
    }
    await tx.done;
  }
}

const yearOverview = () => relationshipOverview(db!, DEFAULT_SETTINGS, 'year', NOW);

/** One count of the year's entries on the by-at index. */
async function countYear(): Promise<number> {
  const tx = readTx(db!, ['interactions']);
  const count = await tx
    .objectStore('interactions')
    .index('by-at')
    .count(IDBKeyRange.bound(YEAR.start, YEAR.end, false, true));
  await tx.done;
  return count;
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

/** `subject` against one count of the year, `rounds` pairs, which goes first alternating; `before` runs untimed before each pair. */
async function alternate(rounds: number, subject: () => Promise<void>, before = () => {}) {
  const times = { subject: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    before();
    for (const side of i % 2 === 0 ? (['subject', 'baseline'] as const) : (['baseline', 'subject'] as const)) {
      times[side].push((await timed<unknown>(side === 'subject' ? subject : countYear))[0]);
    }
  }
  const ratio = median(times.subject.map((ms, i) => ms / times.baseline[i]!));
  return { subjectMs: median(times.subject), baselineMs: median(times.baseline), ratio, samples: rounds };
}

/** The worker stopped and started again: the aggregate and the roster forgotten (their snapshots kept). */
function restart(): void {
  dropActivityIndex(db!);
  dropRoster(db!);
}

export const overviewBench = {
  /** Write the history (the database deleted first). */
  async setup(people: number, entries: number) {
    indexedDB.deleteDatabase(DB);
    db = await openTendDb(DB);
    const data = history(people, entries);
    const [writeMs] = await timed(() => write(db!, data));
    const inYear = data.interactions.filter((entry) => entry.at >= YEAR.start && entry.at < YEAR.end).length;
    return { people, entries, inYear, writeMs };
  },

  /** The first overview (reads every entry and person once: what the overview did on every request before) and the saves. */
  async firstBuild() {
    const [buildMs, overview] = await timed(yearOverview);
    await Promise.all([saveActivityIndexNow(db!), saveRosterNow(db!)]);
    return { buildMs, from: lastActivityLoad.from, activity: overview.activity.reduce((sum, column) => sum + column.count, 0) };
  },

  /** The year's overview with the aggregate current, against one count of the year's entries, alternating. */
  async warm(rounds: number) {
    let wrong: string | undefined;
    const timing = await alternate(rounds, async () => {
      if ((await yearOverview()).sightings === 0) wrong = 'no sighting counted';
    });
    return { ...timing, ...(wrong && { wrong }) };
  },

  /** The first overview after a worker restart (the saved aggregate and roster loaded), against one count, alternating. */
  async afterRestart(rounds: number) {
    const loads = new Set<string>();
    const timing = await alternate(
      rounds,
      async () => {
        await yearOverview();
        loads.add(lastActivityLoad.from);
      },
      restart,
    );
    const wrong = loads.size === 1 && loads.has('snapshot') ? undefined : `loaded from ${[...loads].join(', ')}, not the snapshot`;
    return { ...timing, ...(wrong && { wrong }) };
  },
};

(globalThis as unknown as { tendOverviewBench: typeof overviewBench }).tendOverviewBench = overviewBench;
