import { outlookSelectors as os } from '../outlook/selectors';
import type { PeopleSaid } from '../shared/people-said';
import type { PageFindings } from '../shared/types';
import { ElementReads } from './element-reads';
import type { DocumentMemo } from './memo-recogniser';
import {
  findingsOf,
  guestElementsOf,
  guestSources,
  machineTimesIn,
  placeOfEvent,
  readGuest,
  readSelf,
  sameGuest,
  textOfEvent,
  type OutlookEventPlace,
  type OutlookEventText,
} from './outlook-read';
import { holds, PageChanges } from './page-changes';

/** The account manager's parts (outlook/self.ts): their arrival, departure, labels or text change the user's addresses. */
const SELF_PARTS = [os.accountButton, os.accountName, os.accountAddress, os.mailboxRoot].join(', ');
/** The attributes a scan reads or selects by (`class`: what is a persona and its parts). */
const READ_ATTRIBUTES = ['title', 'aria-label', 'href', 'class', 'role', 'id', 'datetime', 'lang', 'data-folder-name'] as const;

/**
 * One Outlook calendar document as the last scan read it, brought up to date from the
 * MutationObserver's records (as google-memo.ts does for Google's). What Outlook does all the
 * time costs little: an attendee's text or address label changed reads that attendee again
 * (ElementReads), text changed in the view reads its title and date line again (a heading and a
 * few hundred characters), and the view itself is found again each scan (the layer host's
 * dialog, or the main landmark: a short walk). Anything rarer (elements added to or removed from
 * the view, roles, ids, classes or times in it, the account manager changed) makes the next scan
 * read the account, the view's times and its list of guests again ("stale"), still without
 * reading again the guests it knows. Few rules, as this is in the Outlook content script (8 KB).
 * The findings always equal a full scan's (tests/dom/outlook-calendar-incremental.test.ts).
 */
export class OutlookCalendarMemo implements DocumentMemo {
  readonly #doc: Document;
  readonly #changes: PageChanges;
  readonly #reads = new ElementReads(readGuest, sameGuest);
  #self: PeopleSaid | undefined;
  #place: OutlookEventPlace | undefined;
  #machine: (string | null)[] | undefined;
  #text: OutlookEventText | undefined;
  #guests: Element[] = [];
  #findings: PageFindings | undefined;
  // What the records of one scan invalidated (besides the guests touched, in #reads).
  #stale = true;
  #textDirty = true;

  constructor(doc: Document) {
    this.#doc = doc;
    this.#changes = new PageChanges(doc, READ_ATTRIBUTES);
  }

  disconnect(): void {
    this.#changes.disconnect();
  }

  /** The findings of the page as it is now. Callers must not change them: the next scan may return them again. */
  find(url: URL): PageFindings {
    const records = this.#changes.take();
    // Too many records to replay: read the page whole.
    if (!records) this.#reads.clear();
    for (const record of records ?? []) this.#note(record);
    const place = placeOfEvent(this.#doc, url);
    if (!records || place?.view !== this.#place?.view || place?.id !== this.#place?.id) this.#stale = true;
    this.#place = place;
    if (this.#stale) {
      this.#self = readSelf(this.#doc);
      this.#machine = place && machineTimesIn(place.view);
      this.#guests = place ? guestElementsOf(place.view) : [];
      this.#findings = undefined;
    }
    if (place && (this.#stale || this.#textDirty)) {
      const text = textOfEvent(place.view, this.#machine!);
      if (JSON.stringify(text) !== JSON.stringify(this.#text)) this.#findings = undefined;
      this.#text = text;
    }
    if (this.#reads.rereadTouched()) this.#findings = undefined;
    // Only now: a read that threw above leaves its part to be read again by the next scan.
    this.#stale = this.#textDirty = false;
    this.#findings ??= findingsOf(
      this.#self!,
      place,
      this.#text,
      this.#guests.map((guest) => this.#reads.get(guest)),
    );
    return this.#findings;
  }

  /** Is `element` in the view last found, or does it hold it? */
  #aboutView(element: Element): boolean {
    const view = this.#place?.view;
    return !!view && (view.contains(element) || element.contains(view));
  }

  #note(record: MutationRecord): void {
    const { target } = record;
    const around = target.nodeType === 1 ? (target as Element) : target.parentElement;
    if (!around) return;
    // The attendees around it read again, wherever they are (one out of the view may come back to it).
    this.#reads.touchAround(around, guestSources);
    if (record.type === 'attributes') return this.#noteAttribute(around, record.attributeName);
    // Text changed under `around`, or children came and went.
    if (this.#aboutView(around)) this.#textDirty = true;
    if (around.closest(SELF_PARTS)) this.#stale = true;
    for (const node of record.addedNodes) this.#noteNode(node, around, true);
    for (const node of record.removedNodes) this.#noteNode(node, around, false);
  }

  /** A node added or removed. What left the view is no longer watched, so what it holds now cannot say what it took. */
  #noteNode(node: Node, parent: Element, added: boolean): void {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    // Attendees put (back) into the page are read afresh: nothing watched them while they were out of it.
    if (added) this.#reads.forgetIn(element, guestSources);
    // (A view put back holds its parent too: `parent` then holds the view.)
    if (this.#aboutView(parent) || holds(element, SELF_PARTS)) this.#stale = true;
  }

  #noteAttribute(element: Element, name: string | null): void {
    // An address label changed: the common case, nothing else to do unless an attendee came or went.
    if (name === 'title' || name === 'aria-label' || name === 'href') {
      if ((this.#aboutView(element) && this.#guests.includes(element) !== element.matches(guestSources)) || element.matches(SELF_PARTS)) this.#stale = true;
    } else if (this.#aboutView(element) || (name !== 'class' && name !== 'datetime')) this.#stale = true;
  }
}
