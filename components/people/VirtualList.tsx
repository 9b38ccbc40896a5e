import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Rows rendered beyond each edge of the screen, so a fast wheel turn never shows a gap. */
const OVERSCAN = 8;
/** Row height before one is measured (CSS sets the real one: 3.5rem at 16 px). */
const ESTIMATED_ROW_PX = 56;

interface Range {
  first: number;
  last: number;
}

/** The rows of [first, last] that are on screen (plus the overscan), from where the list is now. */
function rangeOnScreen(list: HTMLElement | null, count: number, rowHeight: number): Range {
  if (count === 0) return { first: 0, last: -1 };
  const top = list?.getBoundingClientRect().top ?? 0;
  const first = Math.max(0, Math.floor(-top / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((window.innerHeight - top) / rowHeight) + OVERSCAN);
  return { first: Math.min(first, count - 1), last: Math.max(last, first) };
}

type RenderRow = (index: number, focus: { tabIndex: number; 'data-row': number; onFocus: () => void }) => ComponentChildren;

/**
 * One row's content, rendered again only when its index, tab stop or renderer changes: a scroll
 * frame then builds the rows that came on screen, not all thirty-odd rows it shows.
 */
function RowContent({ index, isActive, renderRow, setActive }: { index: number; isActive: boolean; renderRow: RenderRow; setActive: (index: number) => void }) {
  return useMemo(
    () => renderRow(index, { tabIndex: isActive ? 0 : -1, 'data-row': index, onFocus: () => setActive(index) }),
    [index, isActive, renderRow, setActive],
  );
}

export interface VirtualListProps {
  /** Rows there are to render. */
  count: number;
  /** How many the whole list has, for screen readers, when more rows are still coming (default: count). */
  setSize?: number;
  /** The list's accessible name. */
  label: string;
  /** A stable key for the row at an index (the person's id). */
  keyOf: (index: number) => string;
  /** The row's content: one focusable control with `data-row` (set by the list) that acts on Enter and click. */
  renderRow: RenderRow;
  class?: string;
}

/**
 * A list of any length that renders only the rows on screen: each row is absolutely placed in a
 * list as tall as all of them, so the page's scrollbar is true to the whole list. Whatever scrolls
 * it (the page or a panel around it), the rows follow: the list measures where it is on screen at
 * every scroll event. Keyboard: one tab stop; arrows, Page Up/Down, Home and End move between rows
 * (the row with focus stays rendered however far it is scrolled away). Screen readers get list
 * semantics with each row's place in the whole (aria-posinset of aria-setsize).
 */
export function VirtualList({ count, setSize = count, label, keyOf, renderRow, class: className }: VirtualListProps) {
  const list = useRef<HTMLUListElement>(null);
  const [rowHeight, setRowHeight] = useState(ESTIMATED_ROW_PX);
  const [range, setRange] = useState<Range>(() => ({ first: 0, last: Math.min(count - 1, Math.ceil(window.innerHeight / ESTIMATED_ROW_PX) + OVERSCAN) }));
  const [active, setActive] = useState(0);
  const focusNext = useRef(false);

  const measure = useCallback(() => {
    const next = rangeOnScreen(list.current, count, rowHeight);
    setRange((current) => (current.first === next.first && current.last === next.last ? current : next));
  }, [count, rowHeight]);

  // Scroll events of any scroller reach the document in the capture phase; one measure per frame.
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        measure();
      });
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    measure();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [measure]);

  // The real row height (fonts, zoom): read once from the first rendered row. Not at every
  // render: reading a size forces a layout in the middle of the frame (measured: most of a scroll
  // frame's script time when it ran each render).
  const hasRows = count > 0;
  useLayoutEffect(() => {
    const height = list.current?.querySelector<HTMLElement>(':scope > li')?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - rowHeight) > 0.5) setRowHeight(height);
  }, [hasRows]);

  useEffect(() => setActive((index) => Math.max(0, Math.min(index, count - 1))), [count]);

  // After a key moved the active row: focus it and bring it on screen.
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    const control = list.current?.querySelector<HTMLElement>(`[data-row="${active}"]`);
    control?.focus({ preventScroll: true });
    control?.closest('li')?.scrollIntoView?.({ block: 'nearest' });
    measure();
  }, [active]);

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(window.innerHeight / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: count - 1,
    };
    const to = moves[event.key];
    if (to === undefined || count === 0) return;
    event.preventDefault();
    focusNext.current = true;
    setActive(Math.max(0, Math.min(to, count - 1)));
  };

  const indexes: number[] = [];
  for (let i = range.first; i <= range.last && i < count; i++) indexes.push(i);
  if (active < count && (active < range.first || active > range.last)) indexes.push(active);

  return (
    <ul ref={list} class={`virtual-list ${className ?? ''}`} role="list" aria-label={label} style={{ height: `${count * rowHeight}px` }} onKeyDown={onKeyDown}>
      {indexes.map((index) => (
        <li key={keyOf(index)} aria-setsize={setSize} aria-posinset={index + 1} style={{ top: `${index * rowHeight}px` }}>
          <RowContent index={index} isActive={index === active} renderRow={renderRow} setActive={setActive} />
        </li>
      ))}
    </ul>
  );
}
