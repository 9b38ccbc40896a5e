/** The bench's results: rows with their budgets, written as JSON and printed as a table. */
import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * One measured budget. With a baseline, `ratio` (subject / baseline) is held to `budget`;
 * without one (`baseline` and `ratio` null), `value` itself is.
 * @typedef {{name: string, value: number | null, unit: string, baseline: number | null,
 *   ratio: number | null, budget: number, pass: boolean, note?: string}} Row
 */

/** Round for JSON and display: 4 significant digits are plenty for timings. */
const round = (/** @type {number | null} */ n) => (n === null || !Number.isFinite(n) ? null : Number(n.toPrecision(4)));

/**
 * A row whose budget applies to the ratio; a missing or wrong subject fails it with a note.
 * @param {string} name @param {string} unit
 * @param {{subjectMs: number, baselineMs: number, ratio: number, wrong?: string, missing?: string}} timing
 * @param {number} budget @param {string} [note]
 * @returns {Row}
 */
export function ratioRow(name, unit, timing, budget, note) {
  const problem = timing.missing ?? (timing.wrong && `wrong answer: ${timing.wrong}`);
  const ratio = round(timing.ratio);
  const pass = !problem && ratio !== null && ratio <= budget;
  const notes = [problem, note].filter(Boolean).join('; ');
  return { name, value: round(timing.subjectMs), unit, baseline: round(timing.baselineMs), ratio, budget, pass, ...(notes && { note: notes }) };
}

/**
 * A row whose budget applies to the value itself.
 * @param {string} name @param {number | null} value @param {string} unit @param {number} budget @param {string} [note]
 * @returns {Row}
 */
export function valueRow(name, value, unit, budget, note) {
  const shown = round(value);
  return { name, value: shown, unit, baseline: null, ratio: null, budget, pass: shown !== null && shown <= budget, ...(note && { note }) };
}

/** @param {number | null} n */
const show = (n) => (n === null ? '-' : String(n));

/**
 * Print the rows as an aligned table, notes under it.
 * @param {Row[]} rows
 */
export function printTable(rows) {
  const header = ['budget check', 'value', 'baseline', 'ratio', 'budget', 'result'];
  const cells = rows.map((row) => [
    row.name,
    `${show(row.value)} ${row.unit}`,
    row.baseline === null ? '-' : `${show(row.baseline)} ${row.unit}`,
    show(row.ratio),
    `<= ${row.budget}${row.ratio === null ? ` ${row.unit}` : ''}`,
    row.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]?.length ?? 0)));
  const line = (/** @type {string[]} */ values) => values.map((value, column) => value.padEnd(widths[column] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const values of cells) console.log(line(values));
  const notes = rows.filter((row) => row.note);
  if (notes.length) console.log('');
  for (const row of notes) console.log(`* ${row.name}: ${row.note}`);
}

/**
 * Write `.bench/results.json`.
 * @param {Row[]} rows
 */
export function writeResults(rows) {
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/results.json', `${JSON.stringify(rows, null, 2)}\n`);
}
