import { expect } from 'vitest';
import type { MemoRecogniser } from '../../utils/recognise/calendar/memo-recogniser';
import type { PageFindings } from '../../utils/recognise/shared/types';
import type { SiteId } from '../../utils/sites';
import { loadFixture } from './load-fixture';

// What the calendar recognisers' incremental-scan tests share (google- and outlook-calendar-incremental):
// a memo recogniser's findings, whatever the page did between two scans, must be those of a
// recogniser that never saw the page before, and of the site's stateless full scan.

/** The page of one run, and the URL the tab shows. */
export interface Page {
  doc: Document;
  url: URL;
}

/** A fresh recogniser's findings, checked equal to the full scan's: what an incremental scan must return. */
export function freshFindingsOf<Id extends SiteId>(create: () => MemoRecogniser<Id>, fullScan: (doc: Document, url: URL) => PageFindings) {
  return (doc: Document, url: URL): PageFindings => {
    const fresh = create();
    const findings = fresh.find(doc, url);
    fresh.forget(doc);
    expect(findings).toStrictEqual(fullScan(doc, url));
    return findings;
  };
}

/** Apply the edits in turn, scanning after those marked so and at the end; every scan must equal a fresh one. */
export async function expectScansFresh<Edit>(
  recogniser: MemoRecogniser<SiteId>,
  page: Page,
  edits: readonly (readonly [Edit, boolean])[],
  apply: (page: Page, change: Edit) => void | Promise<void>,
  fresh: (doc: Document, url: URL) => PageFindings,
): Promise<void> {
  expect(recogniser.find(page.doc, page.url)).toStrictEqual(fresh(page.doc, page.url));
  for (const [change, scanNow] of edits) {
    await apply(page, change);
    if (scanNow) expect(recogniser.find(page.doc, page.url)).toStrictEqual(fresh(page.doc, page.url));
  }
  expect(recogniser.find(page.doc, page.url)).toStrictEqual(fresh(page.doc, page.url));
  recogniser.forget(page.doc);
}

/** Count each element's attribute reads from now on: which ones a scan read again. */
export function countAttributeReads(elements: readonly Element[]): Map<Element, number> {
  const reads = new Map<Element, number>();
  for (const element of elements) {
    const getAttribute = element.getAttribute.bind(element);
    element.getAttribute = (name: string) => (reads.set(element, (reads.get(element) ?? 0) + 1), getAttribute(name));
  }
  return reads;
}

/** Copies of other fixtures' elements (of one site's set), owned by `doc`. */
export const borrowFrom = (set: string) => (doc: Document, fixture: string, selector: string) =>
  doc.importNode(loadFixture(set, fixture).querySelector(selector)!, true);

/** The item at `index`, wrapping around; undefined when there is none. */
export const pick = <T>(items: ArrayLike<T>, index: number): T | undefined => (items.length ? items[index % items.length] : undefined);
