import { cleanName } from '../../identity/addresses';
import { MAX_THREAD_ID, PeopleOnPage } from '../shared/mail-people';
import { addPeopleOfOutlookCompose } from './compose';
import { addPeopleOfOutlookReadingPane } from './reading-pane';
import { pathIdAfter } from './path-id';
import { addOutlookSelf } from './self';
import { outlookIdPathMarkers, outlookSelectors as sel } from './selectors';
import { readableText } from '../../identity/profile-url';
import type { PageFindings, Recogniser, ThreadRef } from '../shared/types';

/** The pane that shows the open message or draft: the reading pane, else a pop-out window's main region. */
function paneOf(doc: Document): Element | null {
  return doc.querySelector(sel.readingPane) ?? doc.querySelector(sel.mainRegion);
}

/** The conversation (or message) id in an Outlook URL (`/mail/inbox/id/<id>`, `/deeplink/read/<id>`). */
export function outlookConversationIdFromUrl(url: URL): string | undefined {
  return pathIdAfter(url, outlookIdPathMarkers, MAX_THREAD_ID);
}

/** The open conversation when the pane shows a message (a message body), else undefined. */
function outlookThreadOf(pane: Element, url: URL): ThreadRef | undefined {
  if (!pane.querySelector(sel.messageBody)) return undefined;
  const heading = [...pane.querySelectorAll(sel.subject)].find((element) => !element.closest(sel.messageBody));
  const subject = (heading && (cleanName(readableText(heading, 1000)) ?? cleanName(heading.getAttribute('title')))) || '(no subject)';
  const id = outlookConversationIdFromUrl(url);
  return { key: `outlook:${id ?? `subject:${subject}`}`, subject };
}

/** Everyone an Outlook on the web page shows: the open message's sender and recipients, and draft recipients. */
export function findPeopleOnOutlookPage(doc: Document, url: URL): PageFindings {
  const people = new PeopleOnPage();
  addOutlookSelf(doc, people);
  const pane = paneOf(doc);
  if (!pane) return people.findings();
  addPeopleOfOutlookReadingPane(pane, people);
  addPeopleOfOutlookCompose(pane, people);
  return people.findings(outlookThreadOf(pane, url));
}

/** Outlook on the web (the hosts of utils/sites/outlook.ts). */
export const outlookRecogniser: Recogniser<'outlook'> = {
  id: 'outlook',
  find: findPeopleOnOutlookPage,
};
