/**
 * Timing that holds up on a loaded 2-core machine: subject and baseline run alternately in the
 * same page, many times, and each is reported as a median. The ratio is the median of the
 * per-pair ratios, so a burst of load from elsewhere slows both halves of a pair alike.
 */
import { median } from './median.mjs';

/** Medians of one subject/baseline comparison, per call. */
export interface PairTiming {
  subjectMs: number;
  baselineMs: number;
  /** Median of subject/baseline over the pairs. */
  ratio: number;
  pairs: number;
  /** Calls per timed sample of each side (short calls are repeated to beat timer coarsening). */
  subjectReps: number;
  baselineReps: number;
}

/** Timing options; defaults suit calls from a few microseconds to tens of milliseconds. */
export interface PairOptions {
  pairs?: number;
  warmupMs?: number;
  /** A timed sample lasts at least this long (performance.now() is coarsened to 5-100 µs). */
  minSampleMs?: number;
  /**
   * Run before every call of either side, untimed: change the page as a live app does, so that
   * nothing the browser cached about an unchanged document flatters the subject or the baseline.
   */
  beforeEach?: () => void;
  /**
   * Run after every sample of the baseline, untimed: a subject that keeps state between calls
   * (an incremental scan) catches up here on the changes `beforeEach` made for the baseline's
   * calls, so that each of its timed calls handles the changes made before it, as in real use.
   */
  afterBaselineSample?: () => void;
}

// Results go here so no engine can drop a call whose result nobody reads.
let sink = 0;

/** Read by the harness so the sink stays observable. */
export function benchSink(): number {
  return sink;
}

/** Keep a result observable (into the sink), so no engine drops the call that made it. */
export function consume(value: unknown): void {
  if (typeof value === 'number') sink += value;
  else if (value && typeof value === 'object') sink += 1;
}

/** The total time of `reps` calls; with `beforeEach`, each call is timed alone after it. */
function timeCalls(run: () => unknown, reps: number, beforeEach?: () => void): number {
  if (!beforeEach) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) consume(run());
    return performance.now() - start;
  }
  let total = 0;
  for (let i = 0; i < reps; i++) {
    beforeEach();
    const start = performance.now();
    consume(run());
    total += performance.now() - start;
  }
  return total;
}

function timeReps(run: () => unknown, reps: number, beforeEach?: () => void): number {
  return timeCalls(run, reps, beforeEach) / reps;
}

/** Repetitions that make one sample last at least `minSampleMs`. */
function repsFor(run: () => unknown, minSampleMs: number, beforeEach?: () => void): number {
  let reps = 1;
  while (reps < 1_000_000) {
    if (timeCalls(run, reps, beforeEach) >= minSampleMs) return reps;
    reps *= 2;
  }
  return reps;
}

/** Warm both up, then time them alternately (order flipped every pair) and take medians. */
export function timePair(subject: () => unknown, baseline: () => unknown, options: PairOptions = {}): PairTiming {
  const { pairs = 41, warmupMs = 400, minSampleMs = 3, beforeEach, afterBaselineSample } = options;
  const timeBaseline = (reps: number) => {
    const ms = timeReps(baseline, reps, beforeEach);
    afterBaselineSample?.();
    return ms;
  };
  // Warm-up lets the JIT settle on both before anything counts.
  const warmupEnd = performance.now() + warmupMs;
  for (let round = 0; round < 5 || performance.now() < warmupEnd; round++) {
    beforeEach?.();
    consume(subject());
    beforeEach?.();
    consume(baseline());
  }
  const subjectReps = repsFor(subject, minSampleMs, beforeEach);
  const baselineReps = repsFor(baseline, minSampleMs, beforeEach);
  afterBaselineSample?.();
  const subjectTimes: number[] = [];
  const baselineTimes: number[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    let s: number;
    let b: number;
    if (pair % 2 === 0) {
      s = timeReps(subject, subjectReps, beforeEach);
      b = timeBaseline(baselineReps);
    } else {
      b = timeBaseline(baselineReps);
      s = timeReps(subject, subjectReps, beforeEach);
    }
    subjectTimes.push(s);
    baselineTimes.push(b);
    ratios.push(s / Math.max(b, 1e-6));
  }
  return {
    subjectMs: median(subjectTimes),
    baselineMs: median(baselineTimes),
    ratio: median(ratios),
    pairs,
    subjectReps,
    baselineReps,
  };
}
