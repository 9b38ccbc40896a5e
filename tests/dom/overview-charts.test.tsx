import { render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { ActivityTable } from '../../components/followups/ActivityTable';
import { ColumnChart } from '../../components/followups/ColumnChart';

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => document.body.replaceChildren());

const DAYS = Array.from({ length: 31 }, (_, i) => ({ label: `Thu ${i + 1} May`, tick: `${i + 1} May`, value: i === 11 ? 4 : i % 5 === 0 ? 1 : 0 }));

test('the column chart names both axes, writes the first, middle and last dates and the scale', () => {
  const host = root();
  render(<ColumnChart title="Interactions logged over the period" valueAxis="Interactions" timeAxis="Day" columns={DAYS} />, host);
  const svg = host.querySelector('svg')!;
  const titles = [...svg.querySelectorAll('.axis-title')].map((e) => e.textContent);
  expect(titles).toEqual(['Interactions', 'Day']);
  const ticks = [...svg.querySelectorAll('.tick')].map((e) => e.textContent);
  expect(ticks).toEqual(['4', '0', '1 May', '16 May', '31 May']);
  expect(svg.getAttribute('role')).toBe('img');
  expect(svg.getAttribute('aria-label')).toBe('Interactions logged over the period: 11 in all, most on Thu 12 May (4)');
  expect(svg.querySelectorAll('rect')).toHaveLength(31);
});

test('a total given replaces the sum (the same person in touch on several days counts once)', () => {
  const host = root();
  render(<ColumnChart title="People in touch over the period" valueAxis="People" timeAxis="Day" columns={DAYS} total={3} />, host);
  expect(host.querySelector('svg')!.getAttribute('aria-label')).toBe('People in touch over the period: 3 in all, most on Thu 12 May (4)');
});

test('one column: its date written once', () => {
  const host = root();
  render(<ColumnChart title="T" valueAxis="Interactions" timeAxis="Month" columns={[{ label: 'January', tick: 'Jan', value: 2 }]} />, host);
  expect([...host.querySelectorAll('.tick')].map((e) => e.textContent)).toEqual(['2', '0', 'Jan']);
});

test('the table holds every column’s numbers, with headings for each row and column', () => {
  const host = root();
  render(
    <ActivityTable
      caption="Interactions logged and people in touch, over the period"
      timeHeading="Day"
      rows={[
        { label: 'Thu 1 May', interactions: 1, people: 2 },
        { label: 'Fri 2 May', interactions: 0, people: 0 },
      ]}
    />,
    host,
  );
  expect([...host.querySelectorAll('thead th')].map((e) => e.textContent)).toEqual(['Day', 'Interactions', 'People']);
  expect([...host.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
    ['Thu 1 May', '1', '2'],
    ['Fri 2 May', '0', '0'],
  ]);
  expect(host.querySelector('summary')!.textContent).toBe('Show the numbers');
});
