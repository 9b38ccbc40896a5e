/**
 * Gmail's DOM, as documented by open-source Gmail libraries. Each selector is proven by a
 * fixture in tests/fixtures/gmail/ (tests/dom/gmail.test.ts); change both together.
 */
export const gmailSelectors = {
  /** An open thread's subject heading; carries the thread id in data attributes. */
  threadSubject: 'h2.hP',
  /** One message of an open thread, expanded or collapsed. */
  message: 'div.adn.ads[data-message-id]',
  /** The sender of a message, with `email` and `name` attributes. */
  sender: 'span.gD[email]',
  /** A recipient (To, Cc, Bcc) of a message, inside the recipients line `span.hb`. */
  recipient: 'span.g2[email]',
  /** Anyone Gmail names: the user's own address carries `name="me"`. */
  self: '[email][name="me"]',
  /** Rows of the recipient details table ("to:", "cc:", "bcc:"). */
  detailsRow: 'tr.ajv',
  detailsLabel: 'td.gG',
} as const;

/** Data attributes on the subject heading that hold the thread id, newest UI first. */
export const gmailThreadIdAttributes = ['data-thread-perm-id', 'data-legacy-thread-id'] as const;
