/**
 * Google Calendar's DOM. Class names are minified and change between builds; Tend relies on the
 * element ids and data attributes that Google has kept for years and that public extensions
 * and test scripts for calendar.google.com (2019-2026) all address the same way, plus ARIA
 * roles. Each selector is proven by a fixture in tests/fixtures/calendar/ written for this
 * project (tests/dom/google-calendar.test.ts).
 */
export const googleCalendarSelectors = {
  // The event details popup (a click on an event in the grid).
  /** The popup itself: a dialog whose `data-eventid` is the event's eid (seen on `#xDetDlg` in saved pages). */
  popup: '#xDetDlg[data-eventid]',
  /** The popup's title: `#rAECCd`, a heading (scripts fall back to the dialog's first heading). */
  popupTitle: '#rAECCd, [role="heading"]',
  /** The popup's date and time row: localised text only, no machine-readable attribute. */
  popupWhen: '#xDetDlgWhen',
  /** The popup's guest section ("4 guests", then one row per guest). */
  popupGuests: '#xDetDlgAtt',

  // The event page (`/r/eventedit/<eid>`, opened by "Edit event" or a link).
  /** The page's form: the main landmark. */
  pageMain: '[role="main"]',
  /** The title field. */
  pageTitle: '#xTiIn',
  /** Start and end: date and time fields whose values are localised text ("Mar 12, 2026", "3:00pm"). */
  pageStartDate: '#xStDaIn',
  pageStartTime: '#xStTiIn',
  pageEndDate: '#xEnDaIn',
  pageEndTime: '#xEnTiIn',

  // In both.
  /** A guest row or chip: `data-email` holds the address; its `aria-label` names the person and says "Organizer". */
  guest: '[data-email]',
  /** Machine-readable times where the markup has them (`<time datetime>`), read before any text. */
  machineTime: '[datetime]',
  /** Google's account button above the calendar: its label names the signed-in account, address in brackets. */
  accountButton: 'a[aria-label][href^="https://accounts.google.com/SignOutOptions"]',
  /** Where the account button never is: the event itself (a description could copy its markup). */
  notAccountArea: '#xDetDlg, [role="main"], [role="dialog"]',
} as const;

/** The path segment after which an event page's URL carries the event's eid (`/r/eventedit/<eid>`). */
export const googleCalendarEventPathMarker = 'eventedit';
