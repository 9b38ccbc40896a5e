import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PeopleList } from '../../utils/messaging/features/people';

const ask = vi.fn();
vi.mock('../../utils/messaging/client', () => ({ ask: (request: unknown) => ask(request), onBroadcast: () => () => {} }));
const { VirtualList } = await import('../../components/people/VirtualList');
const { PeopleView } = await import('../../components/people/PeopleView');
const { FIRST_ROWS } = await import('../../components/people/use-people-list');

const ROW_PX = 56; // happy-dom lays nothing out: the list keeps its estimated row height
const root = () => document.body.appendChild(document.createElement('div'));
const frame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
afterEach(() => {
  render(null, document.body.firstElementChild!);
  document.body.replaceChildren();
});

/** Rows in the DOM, by their place in the whole list (aria-posinset, from 1). */
const renderedRows = () => [...document.querySelectorAll('ul[aria-label="Numbers"] > li')].map((li) => Number(li.getAttribute('aria-posinset')));

describe('VirtualList', () => {
  const COUNT = 10_000;
  async function mount() {
    const onOpen = vi.fn();
    await act(() =>
      render(
        <VirtualList
          count={COUNT}
          label="Numbers"
          keyOf={(i) => String(i)}
          renderRow={(i, focus) => (
            <button type="button" {...focus} onClick={() => onOpen(i)}>
              {`Row ${i}`}
            </button>
          )}
        />,
        root(),
      ),
    );
    const list = document.querySelector<HTMLUListElement>('ul[aria-label="Numbers"]')!;
    return { list, onOpen };
  }
  /** Make the list sit `top` px from the viewport's top (as scrolling does) and tell the page it scrolled. */
  async function scrollListTo(list: HTMLElement, top: number) {
    list.getBoundingClientRect = () => ({
      top,
      bottom: top + COUNT * ROW_PX,
      left: 0,
      right: 360,
      width: 360,
      height: COUNT * ROW_PX,
      x: 0,
      y: top,
      toJSON: () => ({}),
    });
    await act(() => {
      document.dispatchEvent(new Event('scroll'));
    });
    await frame();
  }

  test('10,000 rows: only those on screen (plus a few) are in the DOM, each with its place in the whole', async () => {
    const { list } = await mount();
    const shown = renderedRows();
    const onScreen = Math.ceil(window.innerHeight / ROW_PX);
    expect(shown[0]).toBe(1);
    expect(shown.length).toBeGreaterThanOrEqual(onScreen);
    expect(shown.length).toBeLessThan(onScreen + 20);
    expect(list.getAttribute('role')).toBe('list');
    expect(list.style.height).toBe(`${COUNT * ROW_PX}px`);
    const items = list.querySelectorAll('li');
    expect(items[3]!.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(items[3]!.getAttribute('aria-posinset')).toBe('4');
    expect(items[3]!.textContent).toBe('Row 3');
  });

  test('scrolling shows the later rows and drops the earlier ones (the focusable first row stays)', async () => {
    const { list } = await mount();
    await scrollListTo(list, -5_000 * ROW_PX);
    const shown = renderedRows();
    expect(shown).toContain(5_001);
    expect(shown).toContain(5_010);
    expect(shown.filter((place) => place < 4_900)).toEqual([1]);
    expect(list.querySelector('[data-row="5005"]')?.closest('li')?.style.top).toBe(`${5_005 * ROW_PX}px`);
    await scrollListTo(list, -(COUNT * ROW_PX - window.innerHeight));
    expect(renderedRows()).toContain(COUNT);
  });

  test('keyboard: one tab stop; arrows, Page Down, End and Home move the focus, rendering the row they reach; Enter opens', async () => {
    const { list, onOpen } = await mount();
    const focusable = () => [...list.querySelectorAll<HTMLElement>('button')].filter((button) => button.tabIndex === 0).map((b) => b.dataset.row);
    expect(focusable()).toEqual(['0']);
    list.querySelector<HTMLElement>('[data-row="0"]')!.focus();
    const press = (key: string) =>
      act(() => {
        document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
    await press('ArrowDown');
    await press('ArrowDown');
    expect((document.activeElement as HTMLElement).dataset.row).toBe('2');
    await press('ArrowUp');
    expect((document.activeElement as HTMLElement).dataset.row).toBe('1');
    expect(focusable()).toEqual(['1']);
    await press('PageDown');
    expect(Number((document.activeElement as HTMLElement).dataset.row)).toBeGreaterThan(5);
    await press('End');
    expect((document.activeElement as HTMLElement).dataset.row).toBe(String(COUNT - 1));
    expect(document.activeElement!.closest('li')!.getAttribute('aria-posinset')).toBe(String(COUNT));
    (document.activeElement as HTMLElement).click();
    expect(onOpen).toHaveBeenCalledWith(COUNT - 1);
    await press('Home');
    expect((document.activeElement as HTMLElement).dataset.row).toBe('0');
  });
});

describe('PeopleView', () => {
  const ids = Array.from({ length: 3 }, () => crypto.randomUUID());
  const LIST: PeopleList = {
    total: 3,
    matched: 3,
    rows: {
      ids,
      names: ['Ada Lovelace', 'Grace Hopper', '<img src=x onerror=alert(1)>'],
      orgs: ['Analytical Engines', '', ''],
      lastAt: [Date.now() - 3 * 86_400_000, null, Date.now()],
      keepInTouch: ['overdue', 'none', 'soon'],
    },
    facets: {
      tags: { any: 3, values: [{ value: 'client', label: 'Client', count: 2 }] },
      stages: {
        any: 3,
        values: [
          { value: 'customer', count: 1 },
          { value: 'won', count: 0 },
          { value: 'none', count: 2 },
        ],
      },
      keepInTouch: {
        any: 3,
        values: [
          { value: 'overdue', count: 1 },
          { value: 'soon', count: 1 },
          { value: 'onTrack', count: 0 },
          { value: 'none', count: 1 },
        ],
      },
    },
    duplicates: 2,
  };
  beforeEach(() => {
    ask.mockReset();
    ask.mockImplementation(async (request: { type: string; filters?: { tag?: string } }) => {
      if (request.type === 'listPeople') {
        if (!request.filters?.tag) return LIST;
        return {
          ...LIST,
          matched: 1,
          rows: { ids: ids.slice(0, 1), names: ['Ada Lovelace'], orgs: ['Analytical Engines'], lastAt: [LIST.rows.lastAt[0]], keepInTouch: ['overdue'] },
        };
      }
      if (request.type === 'findDuplicates' || request.type === 'recentMerges') return [];
      throw new Error(`unexpected ${request.type}`);
    });
  });

  async function mount() {
    const onOpenPerson = vi.fn();
    await act(async () => render(<PeopleView onOpenPerson={onOpenPerson} />, root()));
    await act(async () => {});
    return onOpenPerson;
  }
  const rowTexts = () => [...document.querySelectorAll('ul[aria-label="Everyone"] > li')].map((li) => li.textContent);

  test('the first screenful, then the whole list; rows show name, organisation, last interaction and drift in words; names are text; a click opens the card', async () => {
    const onOpenPerson = await mount();
    expect(ask.mock.calls.filter(([request]) => request.type === 'listPeople').map(([request]) => request)).toEqual([
      { type: 'listPeople', sort: 'name', filters: {}, limit: FIRST_ROWS },
      { type: 'listPeople', sort: 'name', filters: {} },
    ]);
    expect(rowTexts()).toEqual([
      'ALAda LovelaceAnalytical Engines · last interaction 3 days agoOverdue',
      'GHGrace Hopperno interaction yet',
      'IO<img src=x onerror=alert(1)>last interaction just nowSoon',
    ]);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[role="status"]')?.textContent).toBe('3 people');
    document.querySelector<HTMLElement>('[data-row="1"]')!.click();
    expect(onOpenPerson).toHaveBeenCalledWith(ids[1]);
  });

  test('filters list each value with its count (values nobody has left out); choosing one asks again with it', async () => {
    await mount();
    const options = (label: string) => [...document.querySelector<HTMLSelectElement>(`select#${label}`)!.options].map((o) => o.textContent);
    expect(options('people-tag')).toEqual(['Any (3)', 'Client (2)']);
    expect(options('people-stage')).toEqual(['Any (3)', 'Customer (1)', 'No stage (2)']);
    expect(options('people-keep-in-touch')).toEqual(['Any (3)', 'Overdue (1)', 'Soon (1)', 'No cadence (1)']);
    const tag = document.querySelector<HTMLSelectElement>('select#people-tag')!;
    await act(async () => {
      tag.value = 'client';
      tag.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {});
    expect(ask).toHaveBeenLastCalledWith({ type: 'listPeople', sort: 'name', filters: { tag: 'client' } });
    expect(rowTexts()).toHaveLength(1);
    expect(document.querySelector('[role="status"]')?.textContent).toBe('1 of 3 people');
  });

  test('the first answer shows its rows and counts everyone before the whole list comes; the whole one then fills the list', async () => {
    let sendWhole: (list: PeopleList) => void = () => {};
    ask.mockImplementation((request: { type: string; limit?: number }) => {
      if (request.type !== 'listPeople') return Promise.resolve([]);
      const first = {
        ...LIST,
        rows: {
          ids: ids.slice(0, 1),
          names: ['Ada Lovelace'],
          orgs: ['Analytical Engines'],
          lastAt: [LIST.rows.lastAt[0]!],
          keepInTouch: ['overdue' as const],
        },
      };
      return request.limit ? Promise.resolve(first) : new Promise((resolve) => (sendWhole = resolve));
    });
    await mount();
    expect(rowTexts()).toEqual(['ALAda LovelaceAnalytical Engines · last interaction 3 days agoOverdue']);
    expect(document.querySelector('[role="status"]')?.textContent).toBe('3 people');
    await act(async () => sendWhole(LIST));
    expect(rowTexts()).toHaveLength(3);
  });

  test('the whole list is asked for once the first screenful answered, not with it (a worker just started would compute both first)', async () => {
    let sendFirst: (list: PeopleList) => void = () => {};
    ask.mockImplementation((request: { type: string; limit?: number }) => {
      if (request.type !== 'listPeople') return Promise.resolve([]);
      return request.limit ? new Promise((resolve) => (sendFirst = resolve)) : Promise.resolve(LIST);
    });
    await mount();
    // (The view remembers the filters an earlier test chose: only the limits matter here.)
    const limits = () => ask.mock.calls.filter(([request]) => request.type === 'listPeople').map(([request]) => (request as { limit?: number }).limit);
    expect(limits()).toEqual([FIRST_ROWS]);
    await act(async () => sendFirst(LIST));
    await act(async () => {});
    expect(limits()).toEqual([FIRST_ROWS, undefined]);
    expect(rowTexts()).toHaveLength(3);
  });

  test('the duplicates count opens the same review as the search view', async () => {
    await mount();
    expect(document.querySelector('.people-duplicates')?.textContent).toContain('2 possible duplicates');
    const review = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Review')!;
    expect(review.getAttribute('aria-expanded')).toBe('false');
    await act(async () => review.click());
    await act(async () => {});
    expect(review.getAttribute('aria-expanded')).toBe('true');
    expect(ask).toHaveBeenCalledWith({ type: 'findDuplicates' });
    expect(document.querySelector('#duplicates-heading')?.textContent).toBe('Possible duplicates');
  });
});
