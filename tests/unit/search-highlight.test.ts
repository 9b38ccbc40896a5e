import { expect, test } from 'vitest';
import { excerpt, highlight, matchRanges } from '../../utils/search/highlight';
import { queryTerms } from '../../utils/search/tokens';

const marked = (text: string, ranges: [number, number][]) => ranges.map(([start, end]) => text.slice(start, end));

test('the part of each word a query word starts is marked, the longest query word winning', () => {
  const text = 'Katherine Johnson met Kate at NASA';
  const ranges = matchRanges(text, queryTerms('kat katherine'));
  expect(marked(text, ranges)).toEqual(['Katherine', 'Kat']);
  expect(ranges).toEqual([
    [0, 9],
    [22, 25],
  ]);
});

test('accents: a folded query marks the original letters, combining marks included', () => {
  expect(marked('José Núñez', matchRanges('José Núñez', ['jos', 'nun']))).toEqual(['Jos', 'Núñ']);
  const nfd = 'Ångström'.normalize('NFD');
  const [range] = matchRanges(nfd, ['ang']);
  expect(nfd.slice(range![0], range![1]).normalize('NFC')).toBe('Ång');
});

test('hostile text gets ranges only: the text itself is returned unchanged', () => {
  const hostile = '<img src=x onerror="alert(1)">Eve';
  const result = highlight(hostile, queryTerms('eve img'));
  expect(result.text).toBe(hostile);
  expect(marked(hostile, result.ranges)).toEqual(['img', 'Eve']);
});

test('no query words, no ranges', () => {
  expect(matchRanges('anything', [])).toEqual([]);
});

test('a long text is cut around its first match, ranges shifted, ellipses where text was left out', () => {
  const before = 'word '.repeat(100);
  const text = `${before}the launch window opens on Thursday ${'tail '.repeat(100)}`;
  const result = excerpt(text, queryTerms('launch thurs'), 80);
  expect(result.text.startsWith('…')).toBe(true);
  expect(result.text.endsWith('…')).toBe(true);
  expect(result.text.length).toBeLessThanOrEqual(82);
  expect(marked(result.text, result.ranges)).toEqual(['launch', 'Thurs']);
});

test('a short text is kept whole, line breaks folded to spaces', () => {
  expect(excerpt('Call\nabout  the budget', ['budget'])).toEqual({ text: 'Call about the budget', ranges: [[15, 21]] });
});
