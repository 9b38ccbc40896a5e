import type { PeopleOnPage } from '../shared/mail-people';
import { gmailElementsIn } from './outside-mail-text';
import { gmailRecipientListViews, gmailSelectors as sel } from './selectors';
import { addGmailPerson } from './thread';

/** True when the URL shows a list whose people column holds recipients (Sent, Drafts...). */
function listShowsRecipients(url: URL): boolean {
  const view = url.hash.split('/')[0]?.split('?')[0]?.toLowerCase() ?? '';
  return gmailRecipientListViews.some((recipientView) => view === recipientView);
}

/**
 * Add the people of the thread list rows: senders (recipients in Sent and Drafts). Only the
 * people column is read: the row's hidden summary repeats them, and subjects and snippets are
 * message text.
 */
export function addPeopleOfGmailThreadList(root: ParentNode, url: URL, people: PeopleOnPage): void {
  const role = listShowsRecipients(url) ? 'to' : 'from';
  for (const row of gmailElementsIn(root, sel.listRow)) {
    for (const person of row.querySelectorAll(sel.listPeople)) addGmailPerson(people, person, role, false);
  }
}
