import { cleanName } from './addresses';
import { elementsIn, MAX_THREAD_ID, type MailRole, type PeopleOnPage, roleFromFieldLabel } from './mail-people';
import { gmailSelectors as sel, gmailThreadIdAttributes } from './gmail-selectors';
import { readableText } from './profile-url';
import type { ThreadRef } from './types';

/** The open thread: its id (heading attribute, else URL hash, else subject) and subject; else undefined. */
export function gmailThreadOf(doc: Document, url: URL): ThreadRef | undefined {
  const heading = doc.querySelector(sel.threadSubject);
  if (!heading || !doc.querySelector(`${sel.message}, ${sel.collapsedMessage}`)) return undefined;
  const subject = cleanName(readableText(heading)) ?? '(no subject)';
  const isId = (id: string | null | undefined): id is string => !!id && id.length <= MAX_THREAD_ID;
  const fromAttribute = gmailThreadIdAttributes.map((a) => heading.getAttribute(a)).find(isId);
  // The URL's last hash segment is the thread id in every Gmail view that shows one thread.
  const fromHash = url.hash.split('/').at(-1)?.split('?')[0];
  const key = fromAttribute ?? (isId(fromHash) && fromHash.length >= 16 ? fromHash : `subject:${subject}`);
  return { key: `gmail:${key}`, subject };
}

/** Note one person Gmail marks with `email`/`name` attributes; `name="me"` is the user. */
export function addGmailPerson(people: PeopleOnPage, element: Element, role: MailRole | undefined, labelled: boolean): void {
  const email = element.getAttribute('email');
  if (element.getAttribute('name') === 'me') {
    people.addSelf(email);
    return;
  }
  people.add({ email, name: element.getAttribute('name') || readableText(element, 200) }, role, labelled);
}

/** A recipient's role from the details table label it sits beside ("cc:"); a guess of To elsewhere. */
function addRecipient(people: PeopleOnPage, recipient: Element): void {
  const label = recipient.closest(sel.detailsRow)?.querySelector(sel.detailsLabel);
  const role = label ? roleFromFieldLabel(readableText(label, 64)) : undefined;
  addGmailPerson(people, recipient, role ?? 'to', role !== undefined);
}

/**
 * Add the people of the open thread: senders of collapsed and expanded messages, and the
 * recipients (To, Cc, Bcc) of expanded ones. Message bodies are never read.
 */
export function addPeopleOfGmailThread(root: ParentNode, people: PeopleOnPage): void {
  for (const message of elementsIn(root, `${sel.message}, ${sel.collapsedMessage}`)) {
    if (message.matches(sel.collapsedMessage)) {
      for (const sender of message.querySelectorAll(sel.collapsedSender)) addGmailPerson(people, sender, 'from', true);
      continue;
    }
    for (const sender of message.querySelectorAll(sel.sender)) addGmailPerson(people, sender, 'from', true);
    for (const recipient of message.querySelectorAll(sel.recipient)) addRecipient(people, recipient);
  }
}
