// Adds up the JSON reports the test tiers wrote (TEND_TEST_REPORTS) into the one plain line CI
// reads: "N passed, N failed". A tier with no report, or a run with no test, counts as a failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, ...tiers] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const problems = [];
for (const tier of tiers) {
  const file = join(folder, `${tier}.json`);
  if (!existsSync(file)) {
    problems.push(`tier ${tier} did not run (no report)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  // Suites that crashed before their tests ran count as failures too.
  failed += report.numFailedTests + report.numFailedTestSuites;
  if (report.numTotalTests === 0) problems.push(`tier ${tier} ran no test`);
  console.log(`${tier}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
}
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 || problems.length > 0 ? 1 : 0);
