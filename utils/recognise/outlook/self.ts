import { addressesInText, type PeopleOnPage } from '../shared/mail-people';
import { outlookSelectors as sel } from './selectors';
import { readableText } from '../../identity/profile-url';

/** Note the user's own mailbox wherever the page shows it: account manager, folder tree root. */
export function addOutlookSelf(doc: Document, people: PeopleOnPage): void {
  for (const button of doc.querySelectorAll(sel.accountButton)) {
    for (const attribute of ['aria-label', 'title']) addressesInText(button.getAttribute(attribute)).forEach((a) => people.addSelf(a));
  }
  for (const element of doc.querySelectorAll(sel.accountAddress)) addressesInText(readableText(element, 300)).forEach((a) => people.addSelf(a));
  for (const element of doc.querySelectorAll(sel.accountName)) people.addSelfName(readableText(element, 300));
  for (const root of doc.querySelectorAll(sel.mailboxRoot)) {
    for (const attribute of ['title', 'data-folder-name']) addressesInText(root.getAttribute(attribute)).forEach((a) => people.addSelf(a));
  }
}
