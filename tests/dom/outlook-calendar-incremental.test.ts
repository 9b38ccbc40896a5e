import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createOutlookCalendarRecogniser, findEventOnOutlookCalendar } from '../../utils/recognise/calendar/outlook';
import { outlookCalendarSelectors as sel } from '../../utils/recognise/calendar/outlook-selectors';
import { guestSources } from '../../utils/recognise/calendar/outlook-read';
import { outlookSelectors as os } from '../../utils/recognise/outlook/selectors';
import { borrowFrom, countAttributeReads, expectScansFresh, freshFindingsOf, pick, type Page } from './incremental-scans';
import { loadFixture } from './load-fixture';

// Outlook's calendar recogniser keeps what it read of a document and reads again only what the
// MutationObserver says changed (outlook-memo.ts). Whatever the page does between two scans, its
// findings must be those of a recogniser that never saw the page before, and of the full scan.

const URLS = [
  'https://outlook.office.com/calendar/view/week',
  'https://outlook.office.com/calendar/item/AAMkAGI2',
  'https://outlook.live.com/calendar/0/deeplink/read/AQMkADAwATMwMAItMWMw%2FrFZncAAAA%3D',
  'https://outlook.office.com/mail/inbox',
];
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Mary Jackson', 'Tess Mendel', 'March 14 at 9:00 AM', 'finance@navy.example', ''];
const ADDRESSES = ['ada@analytical.example', 'grace@navy.example', 'mary@nasa.example', 'me@tend.example', 'Ada@Analytical.example', 'not an address', ''];
const DETAILS = ['Organizer', 'Required', 'Accepted', 'Tentative', 'grace@navy.example', 'Organiser, mary@nasa.example', ''];
const DATE_LINES = ['Thursday, March 12, 2026 2:00 PM - 3:00 PM', 'Fri 06/03/2026 09:00 - 10:30', 'Room 4', ''];
const FIXTURES = ['event-peek', 'event-peek-en-gb', 'event-page'] as const;

const freshFindings = freshFindingsOf(createOutlookCalendarRecogniser, findEventOnOutlookCalendar);

const borrow = borrowFrom('outlook-calendar');

const of = <T>(items: readonly T[], index: number): T => items[index % items.length]!;

/** An attendee as Outlook draws one: a persona (address in its tooltip), a chip with "Name <address>", or a mail link. */
function attendee(doc: Document, kind: number, name: string, email: string, detail: string): Element {
  const element = doc.createElement(kind % 3 === 2 ? 'a' : kind % 3 === 1 ? 'span' : 'div');
  if (kind % 3 === 0) {
    element.className = 'ms-Persona';
    element.setAttribute('title', email);
    element.innerHTML = '<div class="ms-Persona-primaryText"></div><div class="ms-Persona-secondaryText"></div>';
    element.firstElementChild!.textContent = name;
    element.lastElementChild!.textContent = detail;
  } else if (kind % 3 === 1) {
    element.setAttribute('role', 'button');
    element.setAttribute('title', `${name} <${email}>`);
    element.textContent = name;
  } else {
    element.setAttribute('href', `mailto:${email}`);
    element.textContent = name;
  }
  return element;
}

/** One change Outlook's calendar makes between two scans. */
type Edit =
  | { kind: 'detail text'; guest: number; text: number; node: boolean }
  | { kind: 'name text'; guest: number; text: number; node: boolean }
  | { kind: 'guest title'; guest: number; name: number; email: number; remove: boolean }
  | { kind: 'guest label'; guest: number; name: number; detail: number; remove: boolean }
  | { kind: 'add guest'; at: number; kind2: number; name: number; email: number; detail: number }
  | { kind: 'remove guest'; guest: number }
  | { kind: 'move guest'; guest: number; to: number }
  | { kind: 'detach, edit, reattach'; guest: number; name: number; email: number }
  | { kind: 'persona class'; guest: number }
  | { kind: 'persona parts swapped'; guest: number }
  | { kind: 'attendees role'; role: number }
  | { kind: 'detail replaced'; guest: number; text: number }
  | { kind: 'close peek' }
  | { kind: 'open peek'; fixture: number }
  | { kind: 'event page'; fixture: number }
  | { kind: 'navigate'; url: number }
  | { kind: 'title text'; name: number }
  | { kind: 'remove heading' }
  | { kind: 'heading role'; at: number }
  | { kind: 'date line'; line: number }
  | { kind: 'datetime'; day: number; remove: boolean }
  | { kind: 'lang'; gb: boolean }
  | { kind: 'account title'; email: number }
  | { kind: 'account button drawn'; email: number; remove: boolean }
  | { kind: 'account in main' }
  | { kind: 'account card'; email: number; name: number }
  | { kind: 'mailbox root'; email: number }
  | { kind: 'description text'; email: number }
  | { kind: 'grid chip' }
  | { kind: 'layer host id'; remove: boolean }
  | { kind: 'address on another element'; at: number; email: number };

const index = fc.nat({ max: 20 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('detail text' as const), guest: index, text: index, node: fc.boolean() }),
  fc.record({ kind: fc.constant('name text' as const), guest: index, text: index, node: fc.boolean() }),
  fc.record({ kind: fc.constant('guest title' as const), guest: index, name: index, email: index, remove: fc.boolean() }),
  fc.record({ kind: fc.constant('guest label' as const), guest: index, name: index, detail: index, remove: fc.boolean() }),
  fc.record({ kind: fc.constant('add guest' as const), at: index, kind2: index, name: index, email: index, detail: index }),
  fc.record({ kind: fc.constant('remove guest' as const), guest: index }),
  fc.record({ kind: fc.constant('move guest' as const), guest: index, to: index }),
  fc.record({ kind: fc.constant('detach, edit, reattach' as const), guest: index, name: index, email: index }),
  fc.record({ kind: fc.constant('persona class' as const), guest: index }),
  fc.record({ kind: fc.constant('persona parts swapped' as const), guest: index }),
  fc.record({ kind: fc.constant('attendees role' as const), role: index }),
  fc.record({ kind: fc.constant('detail replaced' as const), guest: index, text: index }),
  fc.record({ kind: fc.constant('close peek' as const) }),
  fc.record({ kind: fc.constant('open peek' as const), fixture: index }),
  fc.record({ kind: fc.constant('event page' as const), fixture: index }),
  fc.record({ kind: fc.constant('navigate' as const), url: index }),
  fc.record({ kind: fc.constant('title text' as const), name: index }),
  fc.record({ kind: fc.constant('remove heading' as const) }),
  fc.record({ kind: fc.constant('heading role' as const), at: index }),
  fc.record({ kind: fc.constant('date line' as const), line: index }),
  fc.record({ kind: fc.constant('datetime' as const), day: fc.integer({ min: 1, max: 28 }), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('lang' as const), gb: fc.boolean() }),
  fc.record({ kind: fc.constant('account title' as const), email: index }),
  fc.record({ kind: fc.constant('account button drawn' as const), email: index, remove: fc.boolean() }),
  fc.record({ kind: fc.constant('account in main' as const) }),
  fc.record({ kind: fc.constant('account card' as const), email: index, name: index }),
  fc.record({ kind: fc.constant('mailbox root' as const), email: index }),
  fc.record({ kind: fc.constant('description text' as const), email: index }),
  fc.record({ kind: fc.constant('grid chip' as const) }),
  fc.record({ kind: fc.constant('layer host id' as const), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('address on another element' as const), at: index, email: index }),
);

/** Set a text: through the text node's value (as a framework patches text), or by replacing the element's children. */
function setText(element: Element | null | undefined, text: string, node: boolean): void {
  if (!element) return;
  if (node && element.firstChild?.nodeType === 3) element.firstChild.nodeValue = text;
  else element.textContent = text;
}

/** Where attendees are: the view's "Attendees" list, else the view. */
const attendeesOf = (doc: Document) =>
  doc.querySelector(`${sel.peek} [aria-label="Attendees"], ${sel.eventPage} [aria-label="Attendees"]`) ?? doc.querySelector(sel.peek);

async function apply(page: Page, change: Edit): Promise<void> {
  const { doc } = page;
  const guests = doc.querySelectorAll(guestSources);
  const guest = 'guest' in change ? pick(guests, change.guest) : undefined;
  switch (change.kind) {
    case 'detail text':
      return setText(guest?.querySelector(os.personaDetail), of(DETAILS, change.text), change.node);
    case 'name text':
      return setText(guest?.querySelector(os.personaName) ?? guest, of(NAMES, change.text), change.node);
    case 'guest title':
      if (change.remove) guest?.removeAttribute('title');
      else guest?.setAttribute('title', change.name % 2 ? of(ADDRESSES, change.email) : `${of(NAMES, change.name)} <${of(ADDRESSES, change.email)}>`);
      return;
    case 'guest label':
      if (change.remove) guest?.removeAttribute('aria-label');
      else guest?.setAttribute('aria-label', `${of(NAMES, change.name)}, ${of(DETAILS, change.detail)}`);
      return;
    case 'add guest': {
      const list = attendeesOf(doc);
      const added = attendee(doc, change.kind2, of(NAMES, change.name), of(ADDRESSES, change.email), of(DETAILS, change.detail));
      list?.insertBefore(added, pick(list.children, change.at) ?? null);
      return;
    }
    case 'remove guest':
      guest?.remove();
      return;
    case 'move guest': {
      const before = pick(guests, change.to);
      if (guest && before && !guest.contains(before) && !before.contains(guest)) before.before(guest);
      return;
    }
    case 'detach, edit, reattach': {
      if (!guest) return;
      const [parent, next] = [guest.parentNode, guest.nextSibling];
      guest.remove();
      // The observer's records for the removal are delivered: the attendee changes out of its sight.
      await Promise.resolve();
      guest.setAttribute('title', of(ADDRESSES, change.email));
      setText(guest.querySelector(os.personaName) ?? guest, of(NAMES, change.name), false);
      parent?.insertBefore(guest, next);
      return;
    }
    case 'persona class': {
      // A persona drawn as something else, or a plain element becoming one.
      const element = pick(doc.querySelectorAll(`${sel.peek} *, ${sel.eventPage} *`), change.guest);
      element?.classList.toggle('ms-Persona');
      return;
    }
    case 'persona parts swapped': {
      const [name, detail] = [guest?.querySelector(os.personaName), guest?.querySelector(os.personaDetail)];
      if (name && detail) [name.className, detail.className] = [detail.className, name.className];
      return;
    }
    case 'attendees role': {
      const list = attendeesOf(doc);
      const role = of(['toolbar', 'document', 'list', ''], change.role);
      if (role) list?.setAttribute('role', role);
      else list?.removeAttribute('role');
      return;
    }
    case 'detail replaced': {
      // The answer drawn again as a new element.
      const detail = guest?.querySelector(os.personaDetail);
      const drawn = doc.createElement('div');
      drawn.className = 'ms-Persona-secondaryText';
      drawn.textContent = of(DETAILS, change.text);
      detail?.replaceWith(drawn);
      return;
    }
    case 'close peek':
      doc.querySelector(sel.peek)?.remove();
      return;
    case 'open peek': {
      doc.querySelector(sel.peek)?.remove();
      doc
        .querySelector('#fluent-default-layer-host .ms-Layer, #fluent-default-layer-host')
        ?.append(borrow(doc, of(['event-peek', 'event-peek-en-gb'], change.fixture), sel.peek));
      return;
    }
    case 'event page': {
      doc.querySelector(sel.peek)?.remove();
      doc.querySelector(sel.eventPage)?.replaceWith(borrow(doc, of(FIXTURES, change.fixture), sel.eventPage));
      return;
    }
    case 'navigate':
      page.url = new URL(of(URLS, change.url));
      return;
    case 'title text': {
      const title = doc.querySelector(`${sel.peek} ${sel.title}`) ?? doc.querySelector(`${sel.eventPage} ${sel.title}`);
      return setText(title, of(NAMES, change.name), change.name % 2 === 0);
    }
    case 'remove heading':
      doc.querySelector(`${sel.peek} ${sel.title}`)?.remove();
      return;
    case 'heading role': {
      const element = pick(doc.querySelectorAll(`${sel.peek} *, ${sel.eventPage} *`), change.at);
      if (element?.getAttribute('role') === 'heading') element.removeAttribute('role');
      else element?.setAttribute('role', 'heading');
      return;
    }
    case 'date line':
      return setText(
        doc.querySelector('.w_k3') ?? doc.querySelector(`${sel.eventPage} time`)?.parentElement,
        of(DATE_LINES, change.line),
        change.line % 2 === 0,
      );
    case 'datetime': {
      const view = doc.querySelector(sel.peek) ?? doc.querySelector(sel.eventPage);
      let time = view?.querySelector('time');
      if (change.remove) return time?.removeAttribute('datetime');
      if (view && !time) time = (view.querySelector('.w_k3') ?? view).appendChild(doc.createElement('time'));
      time?.setAttribute('datetime', `2026-03-${String(change.day).padStart(2, '0')}T10:00:00Z`);
      return;
    }
    case 'lang':
      doc.documentElement.lang = change.gb ? 'en-GB' : 'en-US';
      return;
    case 'account title':
      doc.querySelector(os.accountButton)?.setAttribute('title', `Tess Mendel\n${of(ADDRESSES, change.email)}`);
      return;
    case 'account button drawn': {
      const button = doc.querySelector(os.accountButton);
      if (change.remove) return button?.remove();
      const drawn = doc.createElement('div');
      drawn.innerHTML = '<button id="mectrl_main_trigger" type="button" aria-label="Account manager for Tess Mendel"></button>';
      drawn.firstElementChild!.setAttribute('title', `Tess Mendel\n${of(ADDRESSES, change.email)}`);
      if (button) button.replaceWith(drawn);
      else doc.body.prepend(drawn);
      return;
    }
    case 'account in main': {
      // The header drawn as (or out of) an area the account manager is never in.
      const parent = doc.getElementById('o365header') ?? doc.querySelector(os.accountButton)?.parentElement;
      // Never the body: an "event page" edit would then replace the whole body.
      const header = parent === doc.body ? undefined : parent;
      if (header?.getAttribute('role') === 'main') header.removeAttribute('role');
      else header?.setAttribute('role', 'main');
      return;
    }
    case 'account card': {
      let card = doc.getElementById('mectrl_currentAccount_secondary');
      if (!card) {
        const drawn = doc.createElement('div');
        drawn.innerHTML = '<div id="mectrl_currentAccount_primary"></div><div id="mectrl_currentAccount_secondary"></div>';
        doc.body.prepend(drawn);
        card = doc.getElementById('mectrl_currentAccount_secondary')!;
      }
      setText(card, of(ADDRESSES, change.email), change.email % 2 === 0);
      setText(doc.getElementById('mectrl_currentAccount_primary'), of(NAMES, change.name), change.name % 2 === 0);
      return;
    }
    case 'mailbox root': {
      let root = doc.querySelector(os.mailboxRoot);
      if (!root) {
        root = doc.createElement('div');
        root.setAttribute('role', 'treeitem');
        root.id = 'primaryMailboxRoot_1';
        doc.body.prepend(root);
      }
      root.setAttribute(change.email % 2 ? 'title' : 'data-folder-name', of(ADDRESSES, change.email));
      return;
    }
    case 'description text': {
      const description = doc.querySelector(`${sel.peek} [role="document"], ${sel.eventPage} [role="textbox"]`);
      if (description) description.innerHTML = `Notes from <a href="mailto:${of(ADDRESSES, change.email)}">them</a>`;
      return;
    }
    case 'grid chip': {
      const chip = doc.querySelector('[role="gridcell"] > [role="button"]');
      chip?.replaceWith(chip.cloneNode(true));
      return;
    }
    case 'layer host id': {
      const host = doc.getElementById('fluent-default-layer-host') ?? doc.querySelector('[data-was-layer-host]');
      if (change.remove) host?.removeAttribute('id');
      else host?.setAttribute('id', 'fluent-default-layer-host');
      host?.setAttribute('data-was-layer-host', '');
      return;
    }
    case 'address on another element': {
      // An element of the view that showed no one gets an address (or a guest's inner piece does).
      const element = pick(doc.querySelectorAll(`${sel.peek} *, ${sel.eventPage} *`), change.at);
      element?.setAttribute(change.email % 2 ? 'title' : 'aria-label', of(ADDRESSES, change.email));
      return;
    }
  }
}

describe('Outlook calendar incremental scans', () => {
  test('after any edits, scanned after each edit or after a few, the findings are a fresh recogniser’s and the full scan’s', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 25 }), async (fixture, edits) => {
        const start = of(FIXTURES, fixture);
        const page: Page = { doc: loadFixture('outlook-calendar', start), url: new URL(start === 'event-page' ? URLS[2]! : URLS[0]!) };
        await expectScansFresh(createOutlookCalendarRecogniser(), page, edits, apply, freshFindings);
      }),
      { numRuns: 200 },
    );
  });

  test('an answer changing a persona’s text re-reads that persona only, and the findings stay the same object', () => {
    const doc = loadFixture('outlook-calendar', 'event-peek');
    const url = new URL(URLS[0]!);
    const recogniser = createOutlookCalendarRecogniser();
    const first = recogniser.find(doc, url);
    const guests = [...doc.querySelectorAll(guestSources)];
    const persona = doc.querySelector(os.persona)!;
    persona.querySelector(os.personaDetail)!.firstChild!.nodeValue = 'Organizer, Accepted';
    const reads = countAttributeReads(guests);
    expect(recogniser.find(doc, url)).toBe(first);
    expect([...reads.keys()]).toEqual([persona]);
    recogniser.forget(doc);
  });

  test('a page that changed more than is worth replaying is read whole, and right', () => {
    const doc = loadFixture('outlook-calendar', 'event-peek');
    const url = new URL(URLS[0]!);
    const recogniser = createOutlookCalendarRecogniser();
    recogniser.find(doc, url);
    const name = doc.querySelector(os.personaName)!;
    for (let i = 0; i < 3000; i++) name.textContent = `Grace Hopper ${i}`;
    expect(recogniser.find(doc, url)).toStrictEqual(freshFindings(doc, url));
    expect(recogniser.find(doc, url).people[0]?.name).toBe('Grace Hopper 2999');
    recogniser.forget(doc);
  });
});
