/**
 * Outlook on the web's DOM. Class names are hashed per build and labels are localised, so Tend
 * relies on ids Microsoft keeps stable, ARIA roles, attributes that carry an address (`title`,
 * `aria-label`, `mailto:`) and Fluent UI persona classes (the library's public API, not hashed).
 * Each selector is proven by a fixture in tests/fixtures/outlook/ (tests/dom/outlook.test.ts).
 */
export const outlookSelectors = {
  // Where people are read (reading-pane, compose; name-only for the pop-out window).
  /** The reading pane beside the message list: an open conversation or a draft. */
  readingPane: '#ReadingPaneContainerId',
  /** A message or draft in its own window (deeplink, pop-out) has only the main landmark. */
  mainRegion: '[role="main"]',
  /** A message body: what people wrote (signatures, quoted headers), never a list of people. */
  messageBody: '[role="document"]',
  /** The open conversation's subject: the first heading of the pane. */
  subject: '[role="heading"]',
  /**
   * Parts of the pane that are not the open message's people: bodies, compose fields (read on
   * their own), attachment and suggestion lists, menus and folder trees.
   */
  notPeople: '[role="document"], [role="textbox"], [role="listbox"], [role="menu"], [role="tree"], [role="navigation"]',

  // People in the pane.
  /** Header lines labelled "From: …", "To: A; B" (field names localised; see roleFromFieldLabel). */
  labelledLine: '[aria-label*=":"]',
  /** Persona buttons, chips and hover targets that carry an address in an attribute. */
  addressAttribute: '[title*="@"], [aria-label*="@"]',
  /** Links to an address (the address is in the href, not the link text). */
  mailto: 'a[href^="mailto:" i]',
  /** A Fluent UI persona: name in the primary text, address (or a job title) in the secondary text. */
  persona: '.ms-Persona',
  personaName: '.ms-Persona-primaryText',
  personaDetail: '.ms-Persona-secondaryText',

  // Compose.
  /** A recipient well: an editable field named for its field ("To", "Cc", "Bcc"; localised). */
  recipientWell: '[role="textbox"][aria-label]',

  // The user's own mailbox.
  /** The account manager button (Microsoft's account control); may name the address in aria-label or title. */
  accountButton: '#mectrl_main_trigger',
  /** The account manager's card: display name and address of the signed-in account. */
  accountName: '#mectrl_currentAccount_primary',
  accountAddress: '#mectrl_currentAccount_secondary',
  /** Where the account manager never is: the open mail and the message list, and what people wrote. */
  notAccountArea: '[role="main"], #ReadingPaneContainerId, [role="document"], [role="textbox"]',
  /** The folder tree's root for the primary mailbox, titled with its address (not a person; not the account area). */
  mailboxRoot: '[role="treeitem"][id^="primaryMailboxRoot_"]',
} as const;

/** Path segments after which Outlook's URL carries the open conversation's (or message's) id. */
export const outlookIdPathMarkers = ['id', 'read'] as const;
