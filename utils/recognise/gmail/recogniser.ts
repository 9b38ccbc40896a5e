import { addressesInText, PeopleOnPage } from '../shared/mail-people';
import { findGmailPeopleInAdded, gmailRemovalMatters } from './incremental';
import { addPeopleOfGmailThreadList } from './list';
import { addPeopleOfGmailPopups } from './popups';
import { gmailSelectors as sel } from './selectors';
import { addPeopleOfGmailThread, gmailThreadOf, lastMessageRead } from './thread';
import type { PageFindings, Recogniser } from '../shared/types';

/**
 * A collector that knows the signed-in account: the address on Google's account button, the one
 * place Gmail names it outside mail. Never from the title (a subject is in it) nor from a message.
 */
function peopleWithSelf(doc: Document): PeopleOnPage {
  const people = new PeopleOnPage();
  for (const button of doc.querySelectorAll(sel.accountButton)) {
    if (!button.closest(sel.notAccountArea)) addressesInText(button.getAttribute('aria-label')).forEach((address) => people.addSelf(address));
  }
  return people;
}

/** The people of the open Gmail thread: senders and recipients of every message in it. */
export function findPeopleInGmailThread(doc: Document, url: URL): PageFindings {
  const thread = gmailThreadOf(doc, url);
  if (!thread) return { people: [], self: [] };
  const people = peopleWithSelf(doc);
  const lastMessage = addPeopleOfGmailThread(doc, people);
  return remembered(people.findings(thread), lastMessage);
}

/** Findings, with the last thread message read remembered for the incremental scans after them. */
function remembered(findings: PageFindings, lastMessage: Element | undefined): PageFindings {
  if (lastMessage) lastMessageRead.set(findings, lastMessage);
  return findings;
}

/**
 * Everyone a Gmail page shows: the open thread, or else the thread list (Gmail keeps the list
 * in the page, hidden, while a thread is open: its senders are not the thread's people), plus
 * open compose windows and an open hover card.
 */
export function findPeopleOnGmailPage(doc: Document, url: URL): PageFindings {
  const people = peopleWithSelf(doc);
  const thread = gmailThreadOf(doc, url);
  let lastMessage: Element | undefined;
  if (thread) lastMessage = addPeopleOfGmailThread(doc, people);
  else addPeopleOfGmailThreadList(doc, url, people);
  addPeopleOfGmailPopups(doc, people);
  return remembered(people.findings(thread), lastMessage);
}

/** Gmail (utils/sites/gmail.ts): threads, thread lists, compose and hover cards. */
export const gmailRecogniser: Recogniser<'gmail'> = {
  id: 'gmail',
  find: findPeopleOnGmailPage,
  findInAdded: findGmailPeopleInAdded,
  removalMatters: gmailRemovalMatters,
};
