/**
 * The main-thread task tracer that the progress and scrolling tests bound Tend's work with: it
 * counts a long task of the page's own script (a file with a URL, as every script of an extension
 * page is), and leaves out a task of script the test evaluated in the page (axe-core checking a
 * view mid-import took 64–116 ms of CPU), so a bound of 100 ms is about Tend's work, not the test's.
 */
import { afterEach, expect, test } from 'vitest';
import { Tend } from './harness';
import { traceMainThreadTasks } from './pages/main-thread-tasks';

let tend: Tend | undefined;
afterEach(() => tend?.close());

/** Wall time each busy task spins: its CPU stays over 100 ms even with a core shared. */
const SPIN_MS = 400;
const PAGE = `<!doctype html><title>Busy</title><button>Work</button><script src="busy.js"></script>`;
// Run from a timer, as the click's own task delivers a DevTools message (left out as the tracing's own).
const SCRIPT = `document.querySelector('button').addEventListener('click', () => setTimeout(() => {
  const end = performance.now() + ${SPIN_MS};
  while (performance.now() < end);
  document.body.append('Worked');
}));`;

test('the task tracer counts a long task of the page’s own script, not one of script the test evaluated', async () => {
  tend = await Tend.launch();
  await tend.context.route('https://people.example/busy/**', (route) => {
    const script = route.request().url().endsWith('.js');
    return route.fulfill({ status: 200, contentType: script ? 'text/javascript' : 'text/html', body: script ? SCRIPT : PAGE });
  });
  const page = await tend.open('https://people.example/busy/page.html');
  const tasks = await traceMainThreadTasks(tend.context, page);
  await page.evaluate(
    (spin) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          const end = performance.now() + spin;
          while (performance.now() < end);
          resolve();
        }),
      ),
    SPIN_MS,
  );
  await page.getByRole('button', { name: 'Work' }).click();
  await page.getByText('Worked').waitFor();
  const long = (await tasks()).filter((task) => task.cpuMs > 100);

  expect(long).toHaveLength(1);
  expect(long[0]!.wallMs).toBeGreaterThanOrEqual(SPIN_MS);
});
