import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { DuplicatePair, SearchResult } from '../../utils/messaging/features/search';
import type { Contact } from '../../utils/model/records';

const ask = vi.fn();
vi.mock('../../utils/messaging/client', () => ({ ask: (request: unknown) => ask(request), onBroadcast: () => () => {} }));
const { SearchView } = await import('../../components/search/SearchView');
const { splitAtRanges } = await import('../../components/search/HighlightedText');

const HOSTILE = '<img src=x onerror="window.__pwned=1">Ada';
const contact = (displayName: string, email: string): Contact => ({
  id: crypto.randomUUID(),
  displayName,
  identities: [{ kind: 'email', value: email }],
  tags: [],
  createdAt: 1,
  updatedAt: 1,
});
const ada = contact(HOSTILE, 'ada@analytical.example');
const adam = contact('Adam Smith', 'adam@wealth.example');
const charles = contact('Charles Babbage', 'charles@engine.example');

const RESULT: SearchResult = {
  query: 'ada',
  people: [
    { contact: ada, name: { text: HOSTILE, ranges: [[HOSTILE.length - 3, HOSTILE.length]] }, matched: [] },
    { contact: adam, name: { text: 'Adam Smith', ranges: [[0, 3]] }, matched: [] },
  ],
  notes: [
    {
      id: crypto.randomUUID(),
      kind: 'meeting',
      at: Date.UTC(2025, 0, 2),
      people: [{ id: charles.id, displayName: 'Charles Babbage' }],
      excerpt: { text: 'Met Ada at the salon', ranges: [[4, 7]] },
    },
  ],
  peopleTotal: 2,
  notesTotal: 1,
  notesCapped: false,
  notesSearched: true,
};

const root = () => document.body.appendChild(document.createElement('div'));
beforeEach(() => {
  ask.mockReset();
  ask.mockImplementation(async (request: { type: string; query?: string }) => {
    if (request.type === 'findDuplicates') return [];
    if (request.type === 'search') return request.query ? { ...RESULT, query: request.query } : { ...RESULT, query: '', people: [], notes: [] };
    throw new Error(`unexpected ${request.type}`);
  });
});
afterEach(() => document.body.replaceChildren());

/** Type into the field as a user does (one input event) and let the answer render. */
async function type(field: HTMLInputElement, text: string) {
  await act(async () => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {});
}
/** Let pending answers and the renders they cause finish. */
async function settle() {
  for (let i = 0; i < 3; i++) await act(async () => {});
}
const press = (field: HTMLInputElement, key: string) =>
  act(() => {
    field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
const selected = (host: HTMLElement) => [...host.querySelectorAll('[role=option][aria-selected=true]')].map((o) => o.textContent);

async function renderView() {
  const host = root();
  const onOpenPerson = vi.fn();
  await act(async () => render(<SearchView onOpenPerson={onOpenPerson} />, host));
  const field = host.querySelector<HTMLInputElement>('#search-field')!;
  return { host, field, onOpenPerson };
}

test('the field is named "Search"; results come grouped into People and Notes', async () => {
  const { host, field } = await renderView();
  expect(host.querySelector(`label[for="${field.id}"]`)!.textContent).toBe('Search');
  expect(field.getAttribute('role')).toBe('combobox');
  await type(field, 'ada');
  expect(ask).toHaveBeenCalledWith({ type: 'search', query: 'ada', peopleLimit: 8, notesLimit: 20 });
  const groups = [...host.querySelectorAll('[role=listbox] [role=group]')];
  expect(groups.map((g) => host.querySelector(`#${g.getAttribute('aria-labelledby')}`)!.textContent)).toEqual(['People', 'Notes']);
  expect(groups.map((g) => g.querySelectorAll('[role=option]').length)).toEqual([2, 1]);
  expect(field.getAttribute('aria-expanded')).toBe('true');
});

test('arrows move through people then notes; Enter opens the person (a note opens its person)', async () => {
  const { host, field, onOpenPerson } = await renderView();
  await type(field, 'ada');
  expect(selected(host)).toHaveLength(1);
  expect(field.getAttribute('aria-activedescendant')).toBe(`search-person-${ada.id}`);
  await press(field, 'ArrowDown');
  expect(field.getAttribute('aria-activedescendant')).toBe(`search-person-${adam.id}`);
  await press(field, 'ArrowDown');
  await press(field, 'ArrowDown'); // stays on the last
  expect(field.getAttribute('aria-activedescendant')).toBe(`search-note-${RESULT.notes[0]!.id}`);
  expect(selected(host)[0]).toContain('Met Ada at the salon');
  await press(field, 'Enter');
  expect(onOpenPerson).toHaveBeenLastCalledWith(charles.id);
  await press(field, 'ArrowUp');
  await press(field, 'ArrowUp');
  await press(field, 'ArrowUp'); // stays on the first
  await press(field, 'Enter');
  expect(onOpenPerson).toHaveBeenLastCalledWith(ada.id);
  await press(field, 'Escape');
  expect(field.value).toBe('');
});

test('matches are <mark> elements holding text; a hostile name stays text', async () => {
  const { host, field } = await renderView();
  await type(field, 'ada');
  const firstOption = host.querySelector('[role=option]')!;
  expect(firstOption.querySelector('img')).toBeNull();
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  expect(firstOption.textContent).toContain(HOSTILE);
  expect([...host.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Ada', 'Ada', 'Ada']);
  expect([...host.querySelectorAll('mark')].every((m) => m.children.length === 0)).toBe(true);
});

test('ranges from a message are checked: out of order, overlapping or outside the text', () => {
  expect(
    splitAtRanges({
      text: 'abcdef',
      ranges: [
        [4, 99],
        [0, 2],
        [1, 3],
        [-5, 0],
      ],
    }),
  ).toEqual([
    { text: 'ab', marked: true },
    { text: 'c', marked: true },
    { text: 'd', marked: false },
    { text: 'ef', marked: true },
  ]);
});

test('a one-letter answer (people only) says in one quiet line that another letter searches notes', async () => {
  ask.mockImplementation(async (request: { type: string; query?: string }) =>
    request.type === 'findDuplicates' ? [] : { ...RESULT, query: request.query, notes: [], notesTotal: 0, notesSearched: request.query!.length > 1 },
  );
  const { host, field } = await renderView();
  await type(field, 'a');
  expect(host.querySelector('.search-summary')!.textContent).toBe('2 people');
  expect(host.querySelector('.search-more-letters')!.textContent).toBe('Type another letter to search notes');
  await type(field, 'ad');
  expect(host.querySelector('.search-summary')!.textContent).toBe('2 people, 0 notes');
  expect(host.querySelector('.search-more-letters')).toBeNull();
});

test('a capped count of notes reads "1,000+ notes", in the summary and the heading', async () => {
  ask.mockImplementation(async (request: { type: string; query?: string }) =>
    request.type === 'findDuplicates' ? [] : { ...RESULT, query: request.query, notesTotal: 1_000, notesCapped: true },
  );
  const { host, field } = await renderView();
  await type(field, 'meeting');
  expect(host.querySelector('.search-summary')!.textContent).toBe('2 people, 1,000+ notes');
  expect(host.querySelector('#search-group-notes')!.textContent).toBe('Notes (1 of 1,000+)');
});

test('nothing found says so; an empty field shows the hint and the duplicates section', async () => {
  ask.mockImplementation(async (request: { type: string; query?: string }) =>
    request.type === 'findDuplicates'
      ? []
      : { query: request.query, people: [], notes: [], peopleTotal: 0, notesTotal: 0, notesCapped: false, notesSearched: true },
  );
  const { host, field } = await renderView();
  expect(host.textContent).toContain('Possible duplicates');
  await type(field, 'zzz');
  expect(host.querySelector('[role=listbox]')).toBeNull();
  expect(host.textContent).toContain('Nothing matches “zzz”.');
  expect(field.getAttribute('aria-expanded')).toBe('false');
});

test('duplicates: the reason is shown; Merge merges the newer into the older; Undo in Recent merges undoes it', async () => {
  const pair: DuplicatePair = {
    first: contact('Grace Hopper', 'grace@navy.example'),
    second: contact('Grace Hopper', 'grace@univac.example'),
    reasons: [{ rule: 'same-name', text: 'Same name: “Grace Hopper”' }],
  };
  const mergeId = '01900000-0000-7000-8000-0000000000ff';
  let merged = false;
  ask.mockImplementation(async (request: { type: string }) => {
    if (request.type === 'findDuplicates') return merged ? [] : [pair];
    if (request.type === 'recentMerges')
      return merged
        ? [{ mergeId, at: 1, keptId: pair.first.id, keptName: 'Grace Hopper', mergedName: 'Grace Hopper', mergedIdentities: ['grace@univac.example'] }]
        : [];
    if (request.type === 'mergeContacts') {
      merged = true;
      return { mergeId, contact: pair.first };
    }
    if (request.type === 'undoMerge') {
      merged = false;
      return { kept: pair.first, restored: pair.second };
    }
    return { query: '', people: [], notes: [], peopleTotal: 0, notesTotal: 0 };
  });
  const { host } = await renderView();
  await settle();
  expect(host.querySelector('[aria-label="Why they may be one person"]')!.textContent).toBe('Same name: “Grace Hopper”');
  expect(host.querySelector('.recent-merges')).toBeNull();
  const mergeButton = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Merge')!;
  // The accessible name says who goes into whom (one message, so translations can order the names).
  expect(mergeButton.getAttribute('aria-label')).toBe('Merge Grace Hopper into Grace Hopper');
  await act(async () => mergeButton.click());
  await settle();
  expect(ask).toHaveBeenCalledWith({ type: 'mergeContacts', keepId: pair.first.id, mergeId: pair.second.id });
  expect(host.querySelector('[role=status]')!.textContent).toBe('Merged Grace Hopper into Grace Hopper.');
  expect(host.querySelector('.duplicate-pair')).toBeNull();
  const recent = host.querySelector('.recent-merges')!;
  expect(recent.textContent).toContain('Grace Hopper (grace@univac.example) merged into Grace Hopper');
  await act(async () => recent.querySelector('button')!.click());
  await settle();
  expect(ask).toHaveBeenCalledWith({ type: 'undoMerge', mergeId });
  expect(host.querySelector('[role=status]')!.textContent).toContain('Merge undone');
  expect(host.querySelectorAll('.duplicate-pair')).toHaveLength(1);
  expect(host.querySelector('.recent-merges')).toBeNull();
});
