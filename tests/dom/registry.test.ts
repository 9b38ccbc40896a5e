import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { recogniserFor, recogniserOf, recognisers } from '../../utils/recognise/registry';
import { SITES } from '../../utils/sites';

const siteIds = SITES.map((site) => site.id);

test('every recogniser belongs to a site descriptor, and every site has its recogniser', () => {
  for (const recogniser of recognisers) expect(siteIds).toContain(recogniser.id);
  expect(recognisers.map((recogniser) => recogniser.id)).toEqual(siteIds);
  for (const [id, recogniser] of Object.entries(recogniserOf)) expect(recogniser.id).toBe(id);
  expect(new Set(recognisers).size).toBe(recognisers.length);
});

test.each(siteIds.map((id) => [id]))('site %s has fixtures that prove its recogniser, and a test', (id) => {
  const folder = resolve('tests/fixtures', id);
  expect(existsSync(folder)).toBe(true);
  expect(readdirSync(folder).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
  expect(existsSync(resolve('tests/dom', `${id}.test.ts`))).toBe(true);
});

test.each([
  ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
  ['https://outlook.office.com/mail/inbox', 'outlook'],
  ['https://outlook.live.com/mail/0/', 'outlook'],
  ['https://calendar.google.com/calendar/u/0/r/week', 'google-calendar'],
  ['https://github.com/octocat', 'github'],
  ['https://www.linkedin.com/in/someone/', 'linkedin'],
  ['https://mail.google.com.evil.example/', 'web'],
  ['https://people.example/team', 'web'],
  ['chrome://extensions/', undefined],
])('the page %s is read by the %s recogniser', (url, id) => {
  expect(recogniserFor(new URL(url))?.id).toBe(id);
});
