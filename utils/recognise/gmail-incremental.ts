import { addPeopleOfGmailCompose } from './gmail-compose';
import { addPersonOfGmailHovercard } from './gmail-hovercard';
import { gmailSelectors as sel } from './gmail-selectors';
import { addPeopleOfGmailThread } from './gmail-thread';
import { PeopleOnPage } from './mail-people';
import type { PageFindings } from './types';

/** Markup that means Gmail changed view (another thread, a list): only a full scan can tell. */
const VIEW_CHANGE = `${sel.threadSubject}, ${sel.listRow}`;
const MESSAGE = `${sel.message}, ${sel.collapsedMessage}`;
/** Markup that carries a person: removing it may take someone off the page. */
const PERSON_BEARING = `[email], ${sel.composeChip}, ${sel.legacyRecipients}, ${sel.hovercard}`;

/**
 * Update the last findings from elements Gmail added (a new message in the open thread, an
 * expanded message, a recipient chip, a hover card). Each added element is read with the message
 * or card around it, so the work scales with what was added, not with the page.
 */
export function findGmailPeopleInAdded(added: readonly Element[], previous: PageFindings): PageFindings | undefined {
  if (added.some((root) => root.matches(VIEW_CHANGE) || root.querySelector(VIEW_CHANGE))) return undefined;
  const people = PeopleOnPage.from(previous);
  for (const root of added) {
    if (!root.isConnected) continue;
    if (previous.thread) addPeopleOfGmailThread(root.closest(MESSAGE) ?? root, people);
    addPeopleOfGmailCompose(root, people);
    addPersonOfGmailHovercard(root.closest(sel.hovercard) ?? root, people);
  }
  return people.findings(previous.thread);
}

/** True when a removed element carried a person (a closed compose window, a dismissed card). */
export function gmailRemovalMatters(removed: Element): boolean {
  return removed.matches(PERSON_BEARING) || removed.querySelector(PERSON_BEARING) !== null;
}
