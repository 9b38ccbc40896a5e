/**
 * A 20 MB backup through the worker and back, in the real browser: the export comes to the page in
 * parts of 2 Mi characters with a progress bar and no long task; the restore goes up in chunks of 8 Mi.
 * The times are printed (the README's architecture section quotes them); the bounds are generous.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Contact, FollowUp, Interaction } from '../../utils/model/records';
import { Tend } from './harness';
import { backupFileText } from './pages/backup-file';
import { syntheticPeople } from './pages/synthetic-people';
import { scratchFolder } from './pages/scratch-folder';
import { OptionsPage } from './pages/options';
import { traceMainThreadTasks } from './pages/main-thread-tasks';

const PEOPLE = 1_000;
const ENTRIES_PER_PERSON = 10;
const MB = 1024 * 1024;
/**
 * Far above what the shared 2-core test machine took (export about 6 s, restore about 10 s; under
 * heavy load from other work, 23 s and 40 s): a failure means something is wrong, not slow. The
 * time goes to Chrome's messaging and to restoreBackup's IndexedDB requests.
 */
const BOUND_MS = 180_000;

let tend: Tend;
let folder: Awaited<ReturnType<typeof scratchFolder>>;
beforeEach(async () => {
  tend = await Tend.launch();
  folder = await scratchFolder('tend-large-');
});
afterEach(async () => {
  await tend?.close();
  await folder?.remove();
});

/** People with ten long notes each (about 2 KB, as meeting notes are): a backup file over 20 MB. */
const largeHistory = (now: number) =>
  syntheticPeople({
    count: PEOPLE,
    surname: 'Example',
    domain: 'large.example',
    now,
    tags: ['bulk'],
    more: (p) => ({ org: 'Large Org', whatMatters: `Person ${p} cares about the long view of things. `.repeat(3) }),
    notesPerPerson: ENTRIES_PER_PERSON,
    note: (p, e) => `Note ${e} about person ${p}: we talked about schedules, budgets and what to send next — ${'détail '.repeat(270)}`,
    followUpEvery: 10,
  });

const sortedBy = <T>(records: T[], key: (record: T) => string) => [...records].sort((a, b) => key(a).localeCompare(key(b)));
/** A backup file's records, in a stable order, without the moment it was made. */
function recordsOf(text: string) {
  const backup = JSON.parse(text);
  return {
    contacts: sortedBy(backup.contacts, (c: Contact) => c.id),
    identities: sortedBy(backup.identities, (row: { key: string }) => row.key),
    interactions: sortedBy(backup.interactions, (i: Interaction) => i.id),
    followUps: sortedBy(backup.followUps, (f: FollowUp) => f.id),
    settings: backup.settings,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - start) };
}

test('a 20 MB backup: exported by the worker, everything deleted, restored by the worker, every record back', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  const seed = backupFileText(largeHistory(Date.now()));
  const seedFile = await folder.write('tend-large.json', seed);
  const seeded = await timed(() => options.restoreBackupFile(seedFile, BOUND_MS));
  expect(await options.recordCounts()).toMatchObject({ contacts: PEOPLE, interactions: PEOPLE * ENTRIES_PER_PERSON, followUps: PEOPLE / 10 });

  // The export, traced: the page reads the file part by part, each a short task, with a progress bar.
  const tasks = await traceMainThreadTasks(tend.context, options.page);
  const progressShown = options.page.getByRole('progressbar', { name: 'Export progress' }).waitFor({ timeout: BOUND_MS });
  const exported = await timed(() => options.download('Full backup (JSON)', BOUND_MS));
  await progressShown;
  const exportTasks = await tasks();
  const longestExportTask = Math.max(0, ...exportTasks.map((task) => task.cpuMs));
  expect(longestExportTask).toBeLessThan(100);
  await expect.poll(() => options.page.getByRole('progressbar').count()).toBe(0);
  const file = exported.result;
  expect(file.text.length).toBeGreaterThan(20 * MB);
  expect(recordsOf(file.text)).toEqual(recordsOf(seed));
  const countsBefore = await options.recordCounts();

  await options.deleteEverything();
  // Every store empty; the settings hold the defaults again.
  expect(Object.entries(await options.recordCounts()).every(([store, count]) => count === (store === 'settings' ? 1 : 0))).toBe(true);

  const exportedFile = await folder.write(file.name, file.text);
  // The restore, traced: the page reads, checks and sends the file a slice at a time.
  const restoreTasks = await traceMainThreadTasks(tend.context, options.page);
  const restoreProgress = options.page.getByRole('progressbar', { name: 'Restore progress' }).waitFor({ timeout: BOUND_MS });
  const restored = await timed(() => options.restoreBackupFile(exportedFile, BOUND_MS));
  await restoreProgress;
  const restoreTaskList = await restoreTasks();
  const longestRestoreTask = Math.max(0, ...restoreTaskList.map((task) => task.cpuMs));
  expect(longestRestoreTask).toBeLessThan(100);
  expect(await options.recordCounts()).toEqual(countsBefore);
  // Every record back as it was: the worker's next export is the same file but for its date.
  expect(recordsOf((await options.download('Full backup (JSON)', BOUND_MS)).text)).toEqual(recordsOf(file.text));

  for (const step of [seeded, exported, restored]) expect(step.ms).toBeLessThan(BOUND_MS);
  console.info(
    `portability: ${(file.text.length / MB).toFixed(1)} MB backup (${PEOPLE} people, ${PEOPLE * ENTRIES_PER_PERSON} entries) through the worker: ` +
      `export ${exported.ms} ms (longest task of the options page ${Math.round(longestExportTask)} ms of CPU), restore into an empty database ${restored.ms} ms (longest task ${Math.round(longestRestoreTask)} ms of CPU) (seeding restore of the ${(seed.length / MB).toFixed(1)} MB compact file ${seeded.ms} ms)`,
  );
}, 900_000);
