import type { BrowserContext, Page } from 'playwright-core';

/** One task of a page's main thread: wall-clock time and the CPU time the thread actually used. */
export interface MainThreadTask {
  wallMs: number;
  cpuMs: number;
}

interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    beginData?: { frame?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
    data?: { url?: string };
  };
}

/** Whether a task of the thread delivered a DevTools message: the tracing's own work (starting, flushing), not the page's. */
function tracingsOwn(thread: TraceEvent[]): (task: TraceEvent) => boolean {
  const devTools = thread.filter(
    (event) => event.name === 'Receive mojo message' && event.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession',
  );
  return (task) => devTools.some((event) => event.ts >= task.ts && event.ts <= task.ts + (task.dur ?? 0));
}

/**
 * Whether a task of the thread ran only script the test evaluated in the page (axe-core checking
 * the view, a probe): such script has no URL, while every script of an extension page has one
 * (its CSP allows only the extension's own files), so the test's tool is not counted as Tend's.
 */
function testsOwnScript(thread: TraceEvent[]): (task: TraceEvent) => boolean {
  const calls = thread.filter((event) => event.name === 'FunctionCall');
  return (task) => {
    const inTask = calls.filter((call) => call.ts >= task.ts && call.ts <= task.ts + (task.dur ?? 0));
    return inTask.length > 0 && inTask.every((call) => !call.args?.data?.url);
  };
}

/**
 * Long tasks as the page sees them (PerformanceObserver 'longtask': wall time over 50 ms), from
 * now until the returned function is called.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const record: number[] = [];
    (window as unknown as { tendLongTasks: number[] }).tendLongTasks = record;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => record.push(Math.round(entry.duration)))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { tendLongTasks: number[] }).tendLongTasks);
}

/**
 * Every task of a page's main thread, from now until the returned function is called, traced
 * over CDP, leaving out the tracing's and the test's own tasks. CPU time is what the page's own work cost: on a busy machine a task's wall time also
 * counts the time its thread waited for a core.
 */
export async function traceMainThreadTasks(context: BrowserContext, page: Page): Promise<() => Promise<MainThreadTask[]>> {
  const cdp = await context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  // RunTask (with thread time) is in the disabled-by-default category; Layout names the frame;
  // toplevel names the message a task delivered (the tracing's own messages are left out).
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const layout = events.find((event) => event.name === 'Layout' && event.args?.beginData?.frame === frameTree.frame.id);
    if (!layout) throw new Error('the trace shows no layout of the page: its main thread is unknown');
    const pageThread = events.filter((event) => event.pid === layout.pid && event.tid === layout.tid);
    const isTracingsOwn = tracingsOwn(pageThread);
    const isTestsOwn = testsOwnScript(pageThread);
    return pageThread
      .filter((event) => event.name === 'RunTask' && event.tdur !== undefined && !isTracingsOwn(event) && !isTestsOwn(event))
      .map((event) => ({ wallMs: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? 0) / 1000 }));
  };
}
