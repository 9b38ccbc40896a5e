/**
 * Drives a recogniser's `findInSlices` the way a content script must on a huge page: run slices
 * while the task has time left (~8 ms), then hand the main thread back and continue in a new
 * task. Every task's duration is recorded, as the browser would see it.
 */
import type { PageFindings, Recogniser } from '../utils/recognise/shared/types';

/** Time one task may spend on slices before it yields; a slice that starts may overrun it. */
export const TASK_BUDGET_MS = 8;

/** What one sliced run cost. */
export interface SlicedRun {
  findings: PageFindings;
  /** Duration of every task the run took, in order. */
  taskMs: number[];
  /** Sum of the tasks: the work, without the waits between them. */
  workMs: number;
  slices: number;
  /** Long tasks (> 50 ms) the browser itself reported while the run went on. */
  browserLongTasks: number;
}

/** A new task: a MessageChannel message runs before timers and is not clamped like setTimeout. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Run `findInSlices` to the end in tasks of about TASK_BUDGET_MS each. */
export async function driveInSlices(recogniser: Recogniser, doc: Document, url: URL): Promise<SlicedRun> {
  if (!recogniser.findInSlices) throw new Error(`${recogniser.id} has no findInSlices`);
  let browserLongTasks = 0;
  const observer = new PerformanceObserver((list) => (browserLongTasks += list.getEntries().length));
  observer.observe({ type: 'longtask' });
  await nextTask(); // Start on a task of our own.
  const slices = recogniser.findInSlices(doc, url);
  const taskMs: number[] = [];
  let sliceCount = 0;
  let findings: PageFindings | undefined;
  while (!findings) {
    const start = performance.now();
    let now: number;
    do {
      const step = slices.next();
      sliceCount++;
      if (step.done) findings = step.value;
      now = performance.now();
    } while (!findings && now - start < TASK_BUDGET_MS);
    taskMs.push(now - start);
    if (!findings) await nextTask();
  }
  // Long-task entries arrive after their task ends: let them in before counting.
  await new Promise((resolve) => setTimeout(resolve, 0));
  browserLongTasks += observer.takeRecords().length;
  observer.disconnect();
  return { findings, taskMs, workMs: taskMs.reduce((sum, ms) => sum + ms, 0), slices: sliceCount, browserLongTasks };
}
