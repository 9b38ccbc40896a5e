import { describe, expect, test } from 'vitest';
import { InvertedIndex, type IndexDoc } from '../../utils/search/inverted-index';
import { foldWord, queryTerms, tokenize } from '../../utils/search/tokens';

const person = (id: string, name: string, extra: Partial<Record<'identity' | 'org' | 'tag' | 'text', string>> = {}, recency = 0): IndexDoc => ({
  kind: 'person',
  id,
  recency,
  fields: [['name', name], ...(Object.entries(extra) as IndexDoc['fields'])],
});
const note = (id: string, text: string, recency = 0): IndexDoc => ({ kind: 'note', id, recency, fields: [['text', text]] });
const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);
const find = (index: InvertedIndex, query: string, limits = { people: 10, notes: 10 }) => index.search(queryTerms(query), limits);

describe('words', () => {
  test.each([
    ['José Núñez', ['jose', 'nunez']],
    ['ada.lovelace+tend@Analytical.example', ['ada', 'lovelace', 'tend', 'analytical', 'example']],
    ['Ångström (NFD)'.normalize('NFD'), ['angstrom', 'nfd']],
    ["O'Brien, 42nd", ['o', 'brien', '42nd']],
    ['  <img src=x onerror=alert(1)>  ', ['img', 'src', 'x', 'onerror', 'alert', '1']],
  ])('%s', (text, terms) => {
    expect(tokenize(text).map((t) => t.term)).toEqual(terms);
  });

  test('tokens keep their place in the original text', () => {
    const text = 'Met Zoë at CERN';
    expect(tokenize(text).map(({ start, end }) => text.slice(start, end))).toEqual(['Met', 'Zoë', 'at', 'CERN']);
  });

  test('query words: folded, deduplicated, at most eight; a long word is cut', () => {
    expect(queryTerms('  Ada ADA lovelace ')).toEqual(['ada', 'lovelace']);
    expect(queryTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(foldWord('x'.repeat(100))).toHaveLength(64);
    expect(queryTerms('… — !!')).toEqual([]);
  });
});

describe('matching and ranking', () => {
  test('every query word must start some word of the record (prefix AND)', () => {
    const index = new InvertedIndex();
    index.add(person('ada', 'Ada Lovelace', { org: 'Analytical Engines' }));
    index.add(person('alan', 'Alan Turing', { org: 'Bletchley' }));
    expect(ids(find(index, 'a').people).sort()).toEqual(['ada', 'alan']);
    expect(ids(find(index, 'ada love').people)).toEqual(['ada']);
    expect(ids(find(index, 'ana eng').people)).toEqual(['ada']);
    expect(ids(find(index, 'ada turing').people)).toEqual([]);
    expect(ids(find(index, 'velace').people)).toEqual([]);
  });

  test('a name beats an address beats an organisation beats a note; a whole word beats a prefix', () => {
    const index = new InvertedIndex();
    index.add(person('by-org', 'Zed One', { org: 'Grace Shipping' }));
    index.add(person('by-name', 'Grace Hopper'));
    index.add(person('by-address', 'Zed Two', { identity: 'grace@navy.example' }));
    index.add(person('by-prefix', 'Graceful Zed'));
    index.add(person('by-what-matters', 'Zed Three', { text: 'grace under pressure' }));
    expect(ids(find(index, 'grace').people)).toEqual(['by-name', 'by-address', 'by-prefix', 'by-org', 'by-what-matters']);
  });

  test('among equal matches the more recent record comes first; people and notes are grouped apart', () => {
    const index = new InvertedIndex();
    index.add(note('old', 'budget review', 100));
    index.add(note('new', 'budget review', 300));
    index.add(note('mid', 'the budget', 200));
    index.add(person('p', 'Budget Person'));
    const found = find(index, 'budget');
    expect(ids(found.notes)).toEqual(['new', 'mid', 'old']);
    expect(ids(found.people)).toEqual(['p']);
    expect([found.peopleTotal, found.notesTotal]).toEqual([1, 3]);
  });

  test('limits cut each group; the totals still count every match', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 30; i++) index.add(note(`n${i}`, `launch plan ${i}`, i));
    const found = find(index, 'launch', { people: 5, notes: 3 });
    expect(ids(found.notes)).toEqual(['n29', 'n28', 'n27']);
    expect(found.notesTotal).toBe(30);
    expect(find(index, 'launch', { people: 5, notes: 0 }).notes).toEqual([]);
  });

  test('a record is replaced by id and forgotten when removed', () => {
    const index = new InvertedIndex();
    index.add(person('ada', 'Ada Lovelace'));
    index.add(person('ada', 'Ada Byron'));
    expect(ids(find(index, 'lovelace').people)).toEqual([]);
    expect(ids(find(index, 'byron').people)).toEqual(['ada']);
    expect(index.count('person')).toBe(1);
    index.remove('person', 'ada');
    expect(find(index, 'ada').peopleTotal).toBe(0);
    expect(index.count('person')).toBe(0);
    index.remove('person', 'never-there');
  });

  test('words added after a search are found (sorted word list kept in order)', () => {
    const index = new InvertedIndex();
    index.add(note('a', 'mango'));
    expect(find(index, 'ma').notesTotal).toBe(1);
    index.add(note('b', 'apple maple'));
    index.add(note('c', 'zebra'));
    expect(ids(find(index, 'ma').notes).sort()).toEqual(['a', 'b']);
    expect(ids(find(index, 'ze').notes)).toEqual(['c']);
    expect(ids(find(index, 'ap').notes)).toEqual(['b']);
  });

  test('after many removals the index compacts and still answers the same', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 12_000; i++) index.add(note(`n${i}`, `entry ${i % 2 === 0 ? 'even' : 'odd'} number${i}`, i));
    for (let i = 0; i < 10_000; i++) index.remove('note', `n${i}`);
    expect(index.count('note')).toBe(2_000);
    expect(find(index, 'even', { people: 0, notes: 2 })).toMatchObject({ notesTotal: 1_000, notes: [{ id: 'n11998' }, { id: 'n11996' }] });
    expect(find(index, 'number5').notesTotal).toBe(0);
    expect(ids(find(index, 'number10001').notes)).toEqual(['n10001']);
    expect(find(index, 'even')).toMatchObject({ notesTotal: 1_000, notesCapped: false });
    index.add(note('late', 'even later'));
    // One more than the cap: counted as "1,000+".
    expect(find(index, 'even')).toMatchObject({ notesTotal: 1_000, notesCapped: true });
  });
});
