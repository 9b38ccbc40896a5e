/**
 * The search bench's half that runs inside the built extension (issue 17), injected into one of
 * its pages on a disk-backed profile: writes the corpus into Tend's own database, then times
 * searches as the side panel asks them, a message to the service worker per keystroke.
 */
import { openTendDb } from '../utils/db/open';
import type { SearchResult } from '../utils/messaging/features/search';
import { median } from './median.mjs';
import { buildSearchCorpus, writeSearchCorpus } from './search-corpus';

interface Chrome {
  runtime: { sendMessage(message: object): Promise<{ ok: boolean; data?: unknown; error?: unknown } | undefined> };
}
const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;

/** The side panel's limits (components/search/SearchView.tsx). */
const LIMITS = { peopleLimit: 8, notesLimit: 20 };

async function search(query: string): Promise<SearchResult> {
  const reply = await chrome.runtime.sendMessage({ type: 'search', query, ...LIMITS });
  if (!reply?.ok) throw new Error(`bench: search "${query}" failed: ${JSON.stringify(reply?.error)}`);
  return reply.data as SearchResult;
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

let keystrokes: string[] = [];

export const searchInExtension = {
  /** Write `people` people and `notes` notes into Tend's database (the worker is stopped after, by the caller). */
  async seed(people: number, notes: number) {
    const corpus = buildSearchCorpus(people, notes);
    keystrokes = corpus.keystrokes;
    const db = await openTendDb();
    const [writeMs] = await timed(() => writeSearchCorpus(db, corpus));
    db.close();
    return { people: corpus.contacts.length, notes: corpus.notes.length, writeMs };
  },

  /** The first search after the worker started (no saved index yet: it reads every record). */
  async firstSearch() {
    const [ms, result] = await timed(() => search(keystrokes[0]!));
    return { ms, peopleTotal: result.peopleTotal, notesTotal: result.notesTotal };
  },

  /** Every keystroke of the corpus's queries `rounds` times, one after another as fast as answers come. */
  async keystrokes(rounds: number) {
    for (const query of keystrokes) await search(query);
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) for (const query of keystrokes) times.push((await timed(() => search(query)))[0]);
    return { medianMs: median(times), p95Ms: p95(times), maxMs: Math.max(...times), samples: times.length };
  },

  /** The first keystroke after the user paused `pauseMs`, `count` times (a different query each time). */
  async afterPauses(count: number, pauseMs: number) {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      await sleep(pauseMs);
      times.push((await timed(() => search(keystrokes[(i * 7) % keystrokes.length]!)))[0]);
    }
    return { medianMs: median(times), maxMs: Math.max(...times), times, samples: times.length };
  },
};

(globalThis as unknown as { tendSearchInExtension: typeof searchInExtension }).tendSearchInExtension = searchInExtension;
