/**
 * The transfer bench's Node half in TypeScript, bundled by node-module.mjs: the e2e tests' own
 * made-up people and the files other apps write of them, the options page's page object and the
 * main-thread trace, so the bench hands Tend the same files the e2e tests do.
 */
export { backupFileText } from '../tests/e2e/pages/backup-file';
export { googleCsvFileOf, syntheticPeople, vCardFileOf } from '../tests/e2e/pages/synthetic-people';
export { OptionsPage } from '../tests/e2e/pages/options';
export { traceMainThreadTasks } from '../tests/e2e/pages/main-thread-tasks';
