import { matchesByClass } from './by-class';
import { addPeopleOfGmailCompose } from './compose';
import { addPersonOfGmailHovercard } from './hovercard';
import { addPeopleOfGmailPopups } from './popups';
import { gmailListRowClass, gmailSubjectClass, gmailSelectors as sel } from './selectors';
import { addPeopleOfGmailThread, lastMessageRead } from './thread';
import { PeopleOnPage } from '../shared/mail-people';
import type { PageFindings } from '../shared/types';

const MESSAGE = `${sel.message}, ${sel.collapsedMessage}`;
/** Markup that carries a person: removing it may take someone off the page. */
const PERSON_BEARING = `[email], ${sel.composeChip}, ${sel.legacyRecipients}, ${sel.hovercard}`;

/** True when `root` is or holds markup that means Gmail changed view (another thread, a list): only a full scan can tell. */
function showsAnotherView(root: Element): boolean {
  return matchesByClass(root, gmailSubjectClass, sel.threadSubject, 1).length + matchesByClass(root, gmailListRowClass, sel.listRow, 1).length > 0;
}

/**
 * Update the last findings from elements Gmail added (a new message in the open thread, an
 * expanded message, a recipient chip, a hover card). Each added element is read with the message
 * or card around it, so the work scales with what was added, not with the page.
 */
export function findGmailPeopleInAdded(added: readonly Element[], previous: PageFindings): PageFindings | undefined {
  if (added.some(showsAnotherView)) return undefined;
  const people = PeopleOnPage.from(previous);
  let last = lastMessageRead.get(previous);
  for (const root of added) {
    if (!root.isConnected) continue;
    if (previous.thread) {
      const read = root.closest(MESSAGE) ?? root;
      // An older message opened (or re-drawn) does not make its sender the newest one.
      people.readingNewer = !last?.isConnected || read.contains(last) || !!(last.compareDocumentPosition(read) & Node.DOCUMENT_POSITION_FOLLOWING);
      const lastRead = addPeopleOfGmailThread(read, people);
      if (people.readingNewer && lastRead) last = lastRead;
    }
    const card = root.closest(sel.hovercard);
    if (card && card !== root) {
      // Something added inside an open card: the card is read whole.
      addPeopleOfGmailCompose(root, people);
      addPersonOfGmailHovercard(card, people);
    } else {
      addPeopleOfGmailPopups(root, people);
    }
  }
  const findings = people.findings(previous.thread);
  if (last) lastMessageRead.set(findings, last);
  return findings;
}

/** True when a removed element carried a person (a closed compose window, a dismissed card). */
export function gmailRemovalMatters(removed: Element): boolean {
  return removed.matches(PERSON_BEARING) || removed.querySelector(PERSON_BEARING) !== null;
}
