import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { recognisers, recognisersFor } from '../../utils/recognise/registry';

test.each(recognisers.map((r) => [r.id]))('recogniser %s has fixtures that prove its selectors', (id) => {
  const folder = resolve('tests/fixtures', id);
  expect(existsSync(folder)).toBe(true);
  expect(readdirSync(folder).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
  expect(existsSync(resolve('tests/dom', `${id}.test.ts`))).toBe(true);
});

test('Gmail pages get the Gmail recogniser; other pages do not', () => {
  expect(recognisersFor(new URL('https://mail.google.com/mail/u/0/#inbox')).map((r) => r.id)).toEqual(['gmail']);
  expect(recognisersFor(new URL('https://mail.google.com.evil.example/'))).toEqual([]);
});
