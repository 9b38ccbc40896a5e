/**
 * The search bench's half that runs inside the built extension (issue 17), injected into one of
 * its pages on a disk-backed profile: writes the corpus into Tend's own database, then times
 * searches as the side panel asks them, a message to the service worker per keystroke.
 */
import { openTendDb } from '../utils/db/open';
import { loadSnapshot } from '../utils/db/snapshots-repo';
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
let contactIds: string[] = [];
let noteTexts: string[] = [];

/** Log `count` notes through the worker, as the popup does: each a commit the index hears. */
async function logNotes(count: number, from: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const reply = await chrome.runtime.sendMessage({
      type: 'logInteraction',
      contactIds: [contactIds[(i * 7919) % contactIds.length]!],
      kind: 'note',
      text: noteTexts[(i * 104729) % noteTexts.length]!,
      requestId: crypto.randomUUID(),
    });
    if (!reply?.ok) throw new Error(`bench: logging note ${i} failed: ${JSON.stringify(reply?.error)}`);
  }
}

/** Keystrokes one after another for `ms`: the longest answer, when it began (Date.now), and how many. */
async function keystrokesFor(ms: number): Promise<{ maxMs: number; maxAt: number; samples: number }> {
  const until = performance.now() + ms;
  let maxMs = 0;
  let maxAt = 0;
  let samples = 0;
  for (let i = 0; performance.now() < until; i++, samples++) {
    const at = Date.now();
    const [took] = await timed(() => search(keystrokes[i % keystrokes.length]!));
    if (took > maxMs) [maxMs, maxAt] = [took, at];
  }
  return { maxMs, maxAt, samples };
}

/** The last complete save of the search index: from its first written piece to its own record (Date.now of each). */
async function lastSave(): Promise<{ from: number; to: number }> {
  const db = await openTendDb();
  try {
    const saved = await loadSnapshot(db, 'search');
    const records = (saved?.data as { pieceRecords?: Record<string, string> } | undefined)?.pieceRecords ?? {};
    // The pieces this save wrote end in its name, as its `rest` (written every time) does; the others were named again.
    const save = records['rest']?.split('/').at(-1);
    const written = Object.values(records).filter((name) => save !== undefined && name.endsWith(`/${save}`));
    const pieces = await Promise.all(written.map((name) => loadSnapshot(db, name)));
    return { from: Math.min(...pieces.map((piece) => piece?.savedAt ?? Infinity)), to: saved?.savedAt ?? 0 };
  } finally {
    db.close();
  }
}

/** One round of `whileSaving`, logging notes from the `from`-th. */
async function savingRound(windowMs: number, from: number) {
  const savedBefore = (await lastSave()).to;
  await logNotes(250, from);
  const [quietApplyMs] = await timed(() => search(keystrokes[0]!));
  const quiet = await keystrokesFor(windowMs);
  const savedInQuiet = (await lastSave()).to !== savedBefore;
  await logNotes(750, from + 250);
  const [savingApplyMs] = await timed(() => search(keystrokes[0]!));
  const windowStart = Date.now();
  const saving = await keystrokesFor(windowMs);
  const save = await lastSave();
  const savedInWindow = save.to >= windowStart;
  const missing = savedInQuiet ? 'the worker saved in a baseline window' : savedInWindow ? undefined : 'the worker did not save in a measured window';
  // Where the longest keystroke began against the save: before it, during it, or after it (ms).
  const longestAt = saving.maxAt < save.from ? save.from - saving.maxAt : saving.maxAt > save.to ? saving.maxAt - save.to : 0;
  const where = saving.maxAt < save.from ? 'before' : saving.maxAt > save.to ? 'after' : 'during';
  return {
    subjectMs: saving.maxMs,
    baselineMs: quiet.maxMs,
    ratio: saving.maxMs / quiet.maxMs,
    samples: [quiet.samples, saving.samples],
    applyMs: [quietApplyMs, savingApplyMs],
    saveMs: save.to - save.from,
    longest: where === 'during' ? 'during the save' : `${Math.round(longestAt)} ms ${where} the save`,
    ...(missing && { missing }),
  };
}

export const searchInExtension = {
  /** Write `people` people and `notes` notes into Tend's database (the worker is stopped after, by the caller). */
  async seed(people: number, notes: number) {
    const corpus = buildSearchCorpus(people, notes);
    keystrokes = corpus.keystrokes;
    contactIds = corpus.contacts.map((contact) => contact.id);
    noteTexts = corpus.notes.slice(0, 5_000).map((note) => note.summary);
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

  /**
   * The longest keystroke while the worker saves its index (issue 17: the save packed it first, a
   * task of seconds; then its ~30 MB went in four records at 50k people), against the longest with
   * nothing to save, `rounds` times. A note logged is one or two changes (the entry, and its
   * person's last interaction), and the worker saves once 1,000 are applied, 2 s after a search
   * applies them. Each round: 250 notes (at most 500 changes: no save), one search that applies
   * them (timed apart), keystrokes for `windowMs`: the baseline; 750 notes more (1,000 changes or
   * more), one search, keystrokes for `windowMs` with the save in them. The snapshot's time says
   * whether the worker saved, and in which window. The median round is the row (one round's
   * longest keystroke is often a collection or a commit of the notes, anywhere in its window:
   * where it fell against the save is reported).
   */
  async whileSaving(windowMs: number, rounds: number) {
    const results = [];
    for (let round = 0; round < rounds; round++) results.push(await savingRound(windowMs, round * 1_000));
    const ordered = [...results].sort((a, b) => a.ratio - b.ratio);
    const middle = ordered[Math.floor(ordered.length / 2)]!;
    const missing = results.find((result) => result.missing)?.missing;
    return { ...middle, rounds: results, ...(missing && { missing }) };
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
