import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createGoogleCalendarRecogniser, findEventOnGoogleCalendar } from '../../utils/recognise/calendar/google';
import { googleCalendarSelectors as sel } from '../../utils/recognise/calendar/google-selectors';
import { borrowFrom, countAttributeReads, expectScansFresh, freshFindingsOf, pick, type Page } from './incremental-scans';
import { loadFixture } from './load-fixture';

// Google Calendar's recogniser keeps what it read of a document and reads again only what the
// MutationObserver says changed (google-memo.ts). Whatever the page does between two scans, its
// findings must be those of a recogniser that never saw the page before.

const WEEK = 'https://calendar.google.com/calendar/u/0/r/week/2026/3/12';
const EVENT_PAGE_EID = 'N2hiM24wc2syZDlmMXE0dzZlOHIwdDJ5MXVfMjAyNjAzMTJUMTUwMDAwWiBtZUB0ZW5kLmV4YW1wbGU';
const URLS = [
  WEEK,
  `https://calendar.google.com/calendar/u/0/r/eventedit/${EVENT_PAGE_EID}`,
  'https://calendar.google.com/calendar/u/0/r/eventedit/b3RoZXJldmVudA',
];
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Mary Jackson', 'Tess Mendel', 'events@navy.example', ''];
const ADDRESSES = ['ada@analytical.example', 'grace@navy.example', 'mary@nasa.example', 'me@tend.example', 'Ada@Analytical.example', 'not an address', ''];
const STATUSES = ['Attending', 'Awaiting', 'Organizer, Attending', 'Declined'];

const freshFindings = freshFindingsOf(createGoogleCalendarRecogniser, findEventOnGoogleCalendar);

const borrow = borrowFrom('google-calendar');

function guestRow(doc: Document, email: string, name: string, label: string | undefined): Element {
  const row = doc.createElement('div');
  row.setAttribute('role', 'listitem');
  if (email) row.setAttribute('data-email', email);
  if (label !== undefined) row.setAttribute('aria-label', label);
  row.innerHTML = `<span class="gn"></span><span>Optional</span>`;
  row.firstElementChild!.textContent = name;
  return row;
}

/** One change a calendar page makes between two scans. */
type Edit =
  | { kind: 'label'; guest: number; name: number; status: number; remove: boolean }
  | { kind: 'email'; guest: number; email: number; remove: boolean }
  | { kind: 'add guest'; at: number; email: number; name: number; labelled: boolean }
  | { kind: 'remove guest'; guest: number }
  | { kind: 'move guest'; guest: number; to: number }
  | { kind: 'guest text'; guest: number; name: number }
  | { kind: 'detach, relabel, reattach'; guest: number; name: number }
  | { kind: 'close popup' }
  | { kind: 'open popup'; other: boolean }
  | { kind: 'event page'; other: boolean }
  | { kind: 'navigate'; url: number }
  | { kind: 'title text'; name: number }
  | { kind: 'when text'; day: number }
  | { kind: 'field value'; name: number }
  | { kind: 'grid chip' }
  | { kind: 'account label'; email: number }
  | { kind: 'account button drawn'; email: number; remove: boolean }
  | { kind: 'account in dialog' }
  | { kind: 'guests root id'; remove: boolean }
  | { kind: 'datetime'; day: number }
  | { kind: 'remove title' }
  | { kind: 'description text'; name: number }
  | { kind: 'address on another element'; at: number; email: number };

const index = fc.nat({ max: 20 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('label' as const), guest: index, name: index, status: index, remove: fc.boolean() }),
  fc.record({ kind: fc.constant('email' as const), guest: index, email: index, remove: fc.boolean() }),
  fc.record({ kind: fc.constant('add guest' as const), at: index, email: index, name: index, labelled: fc.boolean() }),
  fc.record({ kind: fc.constant('remove guest' as const), guest: index }),
  fc.record({ kind: fc.constant('move guest' as const), guest: index, to: index }),
  fc.record({ kind: fc.constant('guest text' as const), guest: index, name: index }),
  fc.record({ kind: fc.constant('detach, relabel, reattach' as const), guest: index, name: index }),
  fc.record({ kind: fc.constant('close popup' as const) }),
  fc.record({ kind: fc.constant('open popup' as const), other: fc.boolean() }),
  fc.record({ kind: fc.constant('event page' as const), other: fc.boolean() }),
  fc.record({ kind: fc.constant('navigate' as const), url: index }),
  fc.record({ kind: fc.constant('title text' as const), name: index }),
  fc.record({ kind: fc.constant('when text' as const), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('field value' as const), name: index }),
  fc.record({ kind: fc.constant('grid chip' as const) }),
  fc.record({ kind: fc.constant('account label' as const), email: index }),
  fc.record({ kind: fc.constant('account button drawn' as const), email: index, remove: fc.boolean() }),
  fc.record({ kind: fc.constant('account in dialog' as const) }),
  fc.record({ kind: fc.constant('guests root id' as const), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('datetime' as const), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('remove title' as const) }),
  fc.record({ kind: fc.constant('description text' as const), name: index }),
  fc.record({ kind: fc.constant('address on another element' as const), at: index, email: index }),
);

async function apply(page: Page, change: Edit): Promise<void> {
  const { doc } = page;
  const guests = doc.querySelectorAll(sel.guest);
  const guest = 'guest' in change ? pick(guests, change.guest) : undefined;
  switch (change.kind) {
    case 'label':
      if (change.remove) guest?.removeAttribute('aria-label');
      else guest?.setAttribute('aria-label', `${NAMES[change.name % NAMES.length]!}, ${STATUSES[change.status % STATUSES.length]!}`);
      return;
    case 'email':
      if (change.remove) guest?.removeAttribute('data-email');
      else guest?.setAttribute('data-email', ADDRESSES[change.email % ADDRESSES.length]!);
      return;
    case 'add guest': {
      const list = doc.querySelector(`${sel.popupGuests} [role="list"]`) ?? doc.querySelector(sel.pageMain);
      const name = NAMES[change.name % NAMES.length]!;
      const row = guestRow(doc, ADDRESSES[change.email % ADDRESSES.length]!, name, change.labelled ? `${name}, Awaiting` : undefined);
      list?.insertBefore(row, pick(list.children, change.at) ?? null);
      return;
    }
    case 'remove guest':
      guest?.remove();
      return;
    case 'move guest': {
      const before = pick(guests, change.to);
      if (guest && before && !guest.contains(before)) before.before(guest);
      return;
    }
    case 'guest text':
      if (guest?.firstElementChild) guest.firstElementChild.textContent = NAMES[change.name % NAMES.length]!;
      return;
    case 'detach, relabel, reattach': {
      if (!guest) return;
      const [parent, next] = [guest.parentNode, guest.nextSibling];
      guest.remove();
      // The observer's records for the removal are delivered: the row changes out of its sight.
      await Promise.resolve();
      guest.setAttribute('aria-label', `${NAMES[change.name % NAMES.length]!}, Attending`);
      if (guest.firstElementChild) guest.firstElementChild.textContent = NAMES[(change.name + 1) % NAMES.length]!;
      parent?.insertBefore(guest, next);
      return;
    }
    case 'close popup':
      doc.getElementById('xDetDlg')?.remove();
      return;
    case 'open popup':
      doc.getElementById('xDetDlg')?.remove();
      doc.body.append(borrow(doc, change.other ? 'event-popup-not-guest' : 'event-popup', '#xDetDlg'));
      return;
    case 'event page':
      doc.getElementById('xDetDlg')?.remove();
      doc.querySelector(sel.pageMain)?.replaceWith(borrow(doc, change.other ? 'event-popup' : 'event-page', sel.pageMain));
      return;
    case 'navigate':
      page.url = new URL(URLS[change.url % URLS.length]!);
      return;
    case 'title text': {
      const title = doc.querySelector(sel.popupTitle)?.firstChild;
      if (title) title.nodeValue = NAMES[change.name % NAMES.length]!;
      return;
    }
    case 'when text': {
      const piece = doc.querySelector(`${sel.popupWhen} span`)?.firstChild;
      if (piece) piece.nodeValue = `Thursday, March ${change.day}, 2026`;
      return;
    }
    case 'field value': {
      // A form field typed in: its value changes, and no mutation says so.
      const field = doc.querySelector(sel.pageTitle);
      if (field instanceof HTMLInputElement) field.value = NAMES[change.name % NAMES.length]!;
      return;
    }
    case 'grid chip': {
      const chip = doc.querySelector('[role="gridcell"] > [role="button"]');
      chip?.replaceWith(chip.cloneNode(true));
      return;
    }
    case 'account label':
      doc.querySelector('header a')?.setAttribute('aria-label', `Google Account: Tess Mendel (${ADDRESSES[change.email % ADDRESSES.length]!})`);
      return;
    case 'account button drawn': {
      // Google draws the account area again: the button goes, or comes back for another account.
      const button = doc.querySelector('header a');
      if (change.remove) return button?.remove();
      const drawn = doc.createElement('div');
      drawn.innerHTML = `<a href="https://accounts.google.com/SignOutOptions?hl=en"><img alt="" src="data:,"></a>`;
      drawn.firstElementChild!.setAttribute('aria-label', `Google Account: Tess Mendel (${ADDRESSES[change.email % ADDRESSES.length]!})`);
      if (button) button.replaceWith(drawn);
      else doc.querySelector('header')?.append(drawn);
      return;
    }
    case 'account in dialog': {
      const header = doc.querySelector('header');
      header?.setAttribute('role', header.getAttribute('role') === 'dialog' ? 'banner' : 'dialog');
      return;
    }
    case 'guests root id': {
      const root = doc.getElementById('xDetDlgAtt') ?? doc.querySelector('#xDetDlg [role="list"]')?.parentElement;
      if (change.remove) root?.removeAttribute('id');
      else root?.setAttribute('id', 'xDetDlgAtt');
      return;
    }
    case 'datetime': {
      const when = doc.querySelector(sel.popupWhen);
      let time = when?.querySelector('time');
      if (when && !time) time = when.appendChild(doc.createElement('time'));
      time?.setAttribute('datetime', `2026-03-${String(change.day).padStart(2, '0')}T10:00:00Z`);
      return;
    }
    case 'remove title':
      // Without a heading, the popup's own text is the title: any text in it counts.
      doc.getElementById('rAECCd')?.remove();
      return;
    case 'description text': {
      const description = doc.getElementById('xDetDlgDesc')?.firstElementChild ?? doc.querySelector(`${sel.popupGuests} > div`);
      if (description) description.textContent = `Agenda: ${NAMES[change.name % NAMES.length]!}`;
      return;
    }
    case 'address on another element': {
      // An element of the popup that was no guest becomes one (or a guest's inner piece gets an address).
      const element = pick(doc.querySelectorAll('#xDetDlg *, [role="main"] *'), change.at);
      element?.setAttribute('data-email', ADDRESSES[change.email % ADDRESSES.length]!);
      return;
    }
  }
}

describe('Google Calendar incremental scans', () => {
  test('after any edits, scanned after each edit or after a few, the findings are a fresh recogniser’s', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 25 }), async (edits) => {
        const page: Page = { doc: loadFixture('google-calendar', 'event-popup'), url: new URL(WEEK) };
        await expectScansFresh(createGoogleCalendarRecogniser(), page, edits, apply, freshFindings);
      }),
      { numRuns: 150 },
    );
  });

  test('a guest’s answer changing its label re-reads that guest only, and the findings stay the same object', () => {
    const doc = loadFixture('google-calendar', 'event-popup');
    const url = new URL(WEEK);
    const recogniser = createGoogleCalendarRecogniser();
    const first = recogniser.find(doc, url);
    const guests = [...doc.querySelectorAll(sel.guest)];
    guests[3]!.setAttribute('aria-label', 'Katherine Johnson, Attending');
    const reads = countAttributeReads(guests);
    expect(recogniser.find(doc, url)).toBe(first);
    expect([...reads.keys()]).toEqual([guests[3]]);
    recogniser.forget(doc);
  });

  test('a page that changed more than is worth replaying is read whole, and right', () => {
    const doc = loadFixture('google-calendar', 'event-popup');
    const url = new URL(WEEK);
    const recogniser = createGoogleCalendarRecogniser();
    recogniser.find(doc, url);
    const guest = doc.querySelector(sel.guest)!;
    for (let i = 0; i < 3000; i++) guest.setAttribute('aria-label', `Grace Hopper ${i}, Organizer`);
    expect(recogniser.find(doc, url)).toStrictEqual(freshFindings(doc, url));
    expect(recogniser.find(doc, url).people[0]?.name).toBe('Grace Hopper 2999');
    recogniser.forget(doc);
  });
});
