import { normalisedText } from '../shared/mail-people';
import type { PageFindings } from '../shared/types';
import { findingsOf, guestElementsIn, readEventView, readGuest, readSelf, sameEventView, sameGuest, type GoogleEventView } from './google-read';
import { googleCalendarSelectors as sel } from './google-selectors';
import { ElementReads } from './element-reads';
import { MAX_NORMALISED } from './memo-recogniser';
import { holds, PageChanges } from './page-changes';

/** Markup whose arrival or departure can change which event is open, its title or its time (not its guests). */
const VIEW_PARTS = [sel.popup, sel.popupTitle, sel.popupWhen, sel.popupGuests, sel.pageMain, sel.machineTime].join(', ');
/** Anything whose arrival or departure a scan must hear of: one query tells most added subtrees (a grid chip) apart. */
const ANY_PART = `${sel.guest}, ${VIEW_PARTS}, ${sel.accountButton}`;
/** The attributes a scan reads (the page's form fields' values are read on every scan of the event page). */
const READ_ATTRIBUTES = ['data-email', 'aria-label', 'href', 'id', 'role', 'data-eventid', 'datetime', 'lang'] as const;

/**
 * One Google Calendar document as the last scan read it, brought up to date from the
 * MutationObserver's records: a guest whose row did not change costs no attribute read, the
 * account button and the event's title and time are read again only when something of theirs
 * changed. The findings always equal a full scan's (tests/dom/google-calendar-incremental.test.ts
 * edits pages at random and compares).
 */
export class GoogleCalendarMemo {
  readonly #changes: PageChanges;
  readonly #doc: Document;
  #url = '';
  #self: string[] | undefined;
  /** The event view last read; `#viewRead` false until read (undefined is also "no event"). */
  #view: GoogleEventView | undefined;
  #viewRead = false;
  #guests: Element[] | undefined;
  readonly #reads = new ElementReads(readGuest, sameGuest);
  #findings: PageFindings | undefined;
  /** Addresses and names normalised by earlier scans: a guest list read again is merged without redoing them. */
  #normalised = normalisedText();
  // What the records of one scan invalidated (besides the guests touched, in #reads).
  #selfDirty = true;
  #viewDirty = true;
  #listDirty = true;

  constructor(doc: Document) {
    this.#doc = doc;
    this.#changes = new PageChanges(doc, READ_ATTRIBUTES);
  }

  /** The findings of the page as it is now. Callers must not change them: the next scan may return them again. */
  find(url: URL): PageFindings {
    try {
      return this.#find(url);
    } catch (error) {
      // Half-applied records would leave the memo out of step with the page: start over next time.
      this.#forgetAll();
      throw error;
    }
  }

  /** Stop watching the document. */
  disconnect(): void {
    this.#changes.disconnect();
  }

  #find(url: URL): PageFindings {
    const records = this.#changes.take();
    if (!records) this.#forgetAll();
    else for (const record of records) this.#note(record);
    if (url.href !== this.#url) {
      this.#url = url.href;
      this.#viewDirty = true;
    }
    if (this.#selfDirty) {
      const self = readSelf(this.#doc);
      if (!this.#self || self.join() !== this.#self.join()) this.#findings = undefined;
      this.#self = self;
    }
    // The event page's title and time are form values, which change with no record: read each time.
    if (this.#viewDirty || !this.#viewRead || this.#view?.popup === false) {
      const view = readEventView(this.#doc, url);
      if (!this.#viewRead || !sameEventView(view, this.#view)) this.#findings = undefined;
      if (view?.guestsRoot !== this.#view?.guestsRoot) this.#listDirty = true;
      this.#view = view;
      this.#viewRead = true;
    }
    if (this.#reads.rereadTouched()) this.#findings = undefined;
    if (this.#listDirty) {
      this.#guests = this.#view ? guestElementsIn(this.#view.guestsRoot) : [];
      this.#findings = undefined;
    }
    this.#selfDirty = this.#viewDirty = this.#listDirty = false;
    if (this.#normalised.addressByRaw.size + this.#normalised.nameByRaw.size > MAX_NORMALISED) this.#normalised = normalisedText();
    this.#findings ??= findingsOf(
      this.#self!,
      this.#view,
      this.#guests!.map((guest) => this.#reads.get(guest)),
      this.#normalised,
    );
    return this.#findings;
  }

  #forgetAll(): void {
    this.#reads.clear();
    this.#findings = undefined;
    this.#viewRead = false;
    this.#selfDirty = this.#viewDirty = this.#listDirty = true;
  }

  #note(record: MutationRecord): void {
    const { target } = record;
    if (record.type === 'attributes') return this.#noteAttribute(target as Element, record.attributeName ?? '');
    // Text changed under the target (characterData), or children came and went (childList): the
    // text of every element around it may read differently.
    const around = target.nodeType === 1 ? (target as Element) : target.parentElement;
    if (around) this.#noteTextAround(around);
    if (record.type !== 'childList') return;
    const inGuestList = !!this.#view?.guestsRoot.contains(target);
    for (const node of record.addedNodes) this.#noteNode(node, inGuestList, true);
    for (const node of record.removedNodes) this.#noteNode(node, inGuestList, false);
  }

  /** The text in and under `element` changed: the guests around it, and the event's title or time if read from there. */
  #noteTextAround(element: Element): void {
    this.#reads.touchAround(element, sel.guest);
    if (this.#view?.textFrom.some((read) => read.contains(element))) this.#viewDirty = true;
  }

  /** A node added or removed: what it holds says which parts to read again. */
  #noteNode(node: Node, inGuestList: boolean, added: boolean): void {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (!holds(element, ANY_PART)) return;
    if (added) this.#reads.forgetIn(element, sel.guest);
    if (inGuestList && holds(element, sel.guest)) this.#listDirty = true;
    if (holds(element, VIEW_PARTS)) this.#viewDirty = true;
    if (holds(element, sel.accountButton)) this.#selfDirty = true;
  }

  #noteAttribute(element: Element, name: string): void {
    switch (name) {
      case 'data-email':
        this.#reads.touchAround(element, sel.guest);
        if (this.#view?.guestsRoot.contains(element)) this.#listDirty = true;
        return;
      case 'aria-label':
      case 'href':
        this.#reads.touchAround(element, sel.guest);
        if (element.localName === 'a') this.#selfDirty = true;
        return;
      case 'id':
      case 'role':
        // It may now be (or no longer be) the popup, a part of it, or an area the account button is never in.
        this.#viewDirty = true;
        if (holds(element, sel.accountButton)) this.#selfDirty = true;
        return;
      default:
        this.#viewDirty = true;
    }
  }
}
