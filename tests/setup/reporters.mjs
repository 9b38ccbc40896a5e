/**
 * Reporters for a test tier: the console one, plus a JSON report when TEND_TEST_REPORTS names a
 * folder. `.ci/run` adds those reports up into the plain "N passed, N failed" line CI reads.
 * @param {string} tier
 */
export function reportersFor(tier) {
  const folder = process.env.TEND_TEST_REPORTS;
  /** @type {any[]} */
  const reporters = ['default'];
  if (folder) reporters.push(['json', { outputFile: `${folder}/${tier}.json` }]);
  return reporters;
}
