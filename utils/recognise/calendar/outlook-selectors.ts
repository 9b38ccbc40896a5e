/**
 * Outlook on the web's calendar. As in its mail (../outlook/selectors.ts), class names are hashed
 * per build and labels are localised: Tend relies on ARIA roles, the Fluent UI layer host that
 * public userscripts for outlook.office.com/calendar wait for (the event's peek opens in it), the
 * deep-link paths Microsoft's Graph API gives as an event's webLink (`/calendar/item/<id>`,
 * `/calendar/deeplink/read/<id>`), and the mail recogniser's people selectors (personas,
 * addresses in `title`/`aria-label`, `mailto:`). Each is proven by a fixture in
 * tests/fixtures/outlook-calendar/ written for this project (tests/dom/outlook-calendar.test.ts).
 */
export const outlookCalendarSelectors = {
  /** The peek: the event's card over the calendar, a dialog in Fluent's layer host. */
  peek: '#fluent-default-layer-host [role="dialog"]',
  /** The event in its own view (a deep link, or "View event"): the main landmark. */
  eventPage: '[role="main"]',
  /** The event's title: the first heading of the peek or the page. */
  title: '[role="heading"]',
  /** What people wrote (the event's description) and controls that list no guests. */
  notGuests: '[role="document"], [role="textbox"], [role="listbox"], [role="menu"], [role="toolbar"]',
  /** Machine-readable times where the markup has them (`<time datetime>`), read before any text. */
  machineTime: '[datetime]',
} as const;

/** Path segments after which an Outlook calendar URL carries the open event's id. */
export const outlookEventPathMarkers = ['item', 'read'] as const;
