import { addressesInText } from '../shared/mail-people';
import type { PeopleSink } from '../shared/people-said';
import { outlookSelectors as sel } from './selectors';
import { readableText } from '../../identity/profile-url';

/** The elements of the account manager that match: never inside the mail, where a sender could copy its ids. */
const accountArea = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].filter((element) => !element.closest(sel.notAccountArea));

/**
 * Note the user's own mailbox from Microsoft's account manager only (its button and card): the
 * one place Outlook names the signed-in account. The folder tree's mailbox root keeps that
 * address off the page's people but teaches Tend nothing, as does anything in a message.
 */
export function addOutlookSelf(doc: Document, people: PeopleSink): void {
  for (const button of accountArea(doc, sel.accountButton)) {
    for (const attribute of ['aria-label', 'title']) addressesInText(button.getAttribute(attribute)).forEach((a) => people.addSelf(a));
  }
  for (const element of accountArea(doc, sel.accountAddress)) addressesInText(readableText(element, 300)).forEach((a) => people.addSelf(a));
  for (const element of accountArea(doc, sel.accountName)) people.addSelfName(readableText(element, 300));
  for (const root of accountArea(doc, sel.mailboxRoot)) {
    for (const attribute of ['title', 'data-folder-name']) addressesInText(root.getAttribute(attribute)).forEach((a) => people.addUserShownAs(a));
  }
}
