/**
 * Gmail's DOM, as documented by open-source Gmail libraries and saved pages. Each selector is
 * proven by a fixture in tests/fixtures/gmail/ (tests/dom/gmail.test.ts); change both together.
 * Gmail's class names are short and opaque but have been stable for a decade; where a newer UI
 * offers roles or data attributes instead, those are used. Wherever Gmail marks a person with
 * `email`/`name` attributes, the user's own address carries `name="me"` (see addGmailPerson).
 */
export const gmailSelectors = {
  // Open thread (thread-expanded, thread-many-collapsed).
  /** An open thread's subject heading; carries the thread id in data attributes. */
  threadSubject: 'h2.hP',
  /** One expanded message of an open thread. */
  message: 'div.adn.ads[data-message-id]',
  /** One collapsed message: Gmail shows only its sender (and a snippet) until it is opened. */
  collapsedMessage: 'div.adf.ads[data-message-id]',
  /** The sender of a collapsed message: Gmail still puts `email` and `name` on it. */
  collapsedSender: 'span[email][name]',
  /** The sender of an expanded message, with `email` and `name` attributes. */
  sender: 'span.gD[email]',
  /** A recipient (To, Cc, Bcc) of a message: in the recipients line `span.hb` and the details table. */
  recipient: 'span.g2[email]',
  /** Rows of the recipient details table ("from:", "to:", "cc:", "bcc:"), and their label cell. */
  detailsRow: 'tr.ajv',
  detailsLabel: 'td.gG',

  // Thread list (thread-list; the 2014 page in shared/interop).
  /** One row of a thread list (inbox, label, search results). */
  listRow: 'tr.zA',
  /** The people column of a row: senders, or recipients in Sent and Drafts. */
  listPeople: '.yW span[email][name]',

  // Compose and reply (compose-chips, compose-legacy-inputs).
  /**
   * A recipient chip of the current compose UI: the address in `data-hovercard-id`, the name in
   * `data-name` (empty for addresses never mailed). The field is named by the `aria-label` of an
   * ancestor ("To recipients", "Cc recipients", "Bcc recipients"; localised). Gmail also keeps a
   * hidden `span[email]` twin of each chip with no field: it is deliberately not selected.
   */
  composeChip: '[role="option"][data-hovercard-id]',
  /** Ancestors that may name a chip's field. */
  labelled: '[aria-label]',
  /** The older compose UI's hidden form fields; values are address lists (`"Last, First" <a@b>, c@d`). */
  legacyRecipients: 'input[name="to"], input[name="cc"], input[name="bcc"]',
  /** The older compose UI's chosen sender: one of the user's own addresses. */
  legacyFrom: 'input[name="from"]',

  // Hover card (hovercard, hovercard-profile-id).
  /**
   * The person card Gmail opens over a sender, recipient or chip: a `role=dialog` popup carrying
   * the person's id in `data-hovercard-id`, like the element hovered. The id is an address, or a
   * numeric account id for people with a Google account; then the card's "Send email" link
   * (`mailto:`) carries the address. The name is the card's heading.
   */
  hovercard: '[role="dialog"][data-hovercard-id]',
  hovercardName: '[role="heading"]',
  hovercardMailto: 'a[href^="mailto:" i]',

  // Never a source of people (thread-body-markup: a message whose HTML copies Gmail's markup).
  /**
   * What people wrote rather than what Gmail shows of them: a message's body (`div.a3s`, quoted
   * text included) and a compose window's editable body (a reply quotes the message there).
   * Markup inside them is the sender's: `email=`, `name="me"`, chips and cards there are ignored.
   */
  notPeople: 'div.a3s, [contenteditable]',

  // The signed-in account (account-button).
  /** Google's account button in the bar above the mail: its label names the account, address in brackets. */
  accountButton: 'a[aria-label][href^="https://accounts.google.com/SignOutOptions"]',
  /** Where the account button never is: the open mail, popups over it and what people wrote. */
  notAccountArea: '[role="main"], [role="dialog"], div.a3s, [contenteditable]',
} as const;

// Class names from the selectors above (keep them in step), and selectors that take in several
// of them. Live class collections find headings, list rows and messages without a page-wide
// selector query (gmail-by-class); each message's people are read with one query and sorted by
// class. Separate constants rather than keys: the content-script build shortens their names.
/** `threadSubject`'s class. */
export const gmailSubjectClass = 'hP';
/** The class of a message body (`notPeople`). */
export const gmailBodyClass = 'a3s';
/** `listRow`'s class. */
export const gmailListRowClass = 'zA';
/** The class every message has (`message`, `collapsedMessage`). */
export const gmailMessageClass = 'ads';
/** The class only a collapsed message has. */
export const gmailCollapsedClass = 'adf';
/** `sender`'s class. */
export const gmailSenderClass = 'gD';
/** `recipient`'s class. */
export const gmailRecipientClass = 'g2';
/** Every element `collapsedSender`, `sender` and `recipient` select is one of these. */
export const gmailThreadPerson = 'span[email]';
/** Every `composeChip` and `hovercard` is one of these: a full scan finds both with one query. */
export const gmailPopupPerson = '[role][data-hovercard-id]';

/** Data attributes on the subject heading that hold the thread id, newest UI first. */
export const gmailThreadIdAttributes = ['data-thread-perm-id', 'data-legacy-thread-id'] as const;

/** Views whose thread list shows recipients, not senders, in the people column (URL hash). */
export const gmailRecipientListViews = ['#sent', '#drafts', '#scheduled', '#outbox'] as const;
