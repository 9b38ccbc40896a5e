import { cleanName } from '../../identity/addresses';
import { matchesByClass } from './by-class';
import { MAX_THREAD_ID, type MailRole, outsideNoscript, type PeopleOnPage, roleFromFieldLabel } from '../shared/mail-people';
import {
  gmailBodyClass,
  gmailCollapsedClass,
  gmailMessageClass,
  gmailRecipientClass,
  gmailSenderClass,
  gmailSubjectClass,
  gmailThreadPerson,
  gmailSelectors as sel,
  gmailThreadIdAttributes,
} from './selectors';
import { readableText } from '../../identity/profile-url';
import type { PageFindings, ThreadRef } from '../shared/types';

const MESSAGE = `${sel.message}, ${sel.collapsedMessage}`;

/** The open thread: its id (heading attribute, else URL hash, else subject) and subject; else undefined. */
export function gmailThreadOf(doc: Document, url: URL): ThreadRef | undefined {
  // The first heading outside what people wrote: a message can carry a copy of Gmail's heading.
  const heading = matchesByClass(doc, gmailSubjectClass, sel.threadSubject).find((h) => !h.closest(sel.notPeople));
  if (!heading || !matchesByClass(doc, gmailMessageClass, MESSAGE, 1).length) return undefined;
  const subject = cleanName(readableText(heading)) ?? '(no subject)';
  const isId = (id: string | null | undefined): id is string => !!id && id.length <= MAX_THREAD_ID;
  const fromAttribute = gmailThreadIdAttributes.map((a) => heading.getAttribute(a)).find(isId);
  // The URL's last hash segment is the thread id in every Gmail view that shows one thread.
  const fromHash = url.hash.split('/').at(-1)?.split('?')[0];
  const key = fromAttribute ?? (isId(fromHash) && fromHash.length >= 16 ? fromHash : `subject:${subject}`);
  return { key: `gmail:${key}`, subject };
}

/**
 * Note one person Gmail marks with `email`/`name` attributes; `name="me"` is the user. With
 * `labels`, the person is a recipient: the role is the field their details-table row names,
 * looked up only when it could matter, else a guess of To.
 */
export function addGmailPerson(people: PeopleOnPage, element: Element, role: MailRole | undefined, labelled: boolean, labels?: DetailsLabels): void {
  const email = element.getAttribute('email');
  const name = element.getAttribute('name');
  // The user as a header shows them: not a person here, and not learned (only the account button teaches Tend the user's addresses).
  if (name === 'me') return people.addUserShownAs(email);
  if (labels) {
    const field = people.roleMatters(email) ? labels.roleOf(element) : undefined;
    labelled = field !== undefined;
    role = field ?? role;
  }
  people.add({ email, name: name || readableText(element, 200) }, role, labelled);
}

/**
 * True when a class attribute holds the class name `token`. Exact, as selectors match classes
 * on a standards-mode page (Gmail's are: it declares `<!doctype html>`).
 */
function hasClass(classes: string | null, token: string): boolean {
  return classes === token || (!!classes && classes.includes(token) && classes.split(/[\t\n\f\r ]+/).includes(token));
}

/**
 * Reads the role of recipients from their details-table row ("cc:"), for one scan. Recipients
 * that share a parent (a recipients line, a table cell) share the answer: each parent is asked once.
 */
export class DetailsLabels {
  readonly #roleByParent = new Map<Element, MailRole | undefined>();

  /**
   * The field the label of the recipient's row names; undefined outside the table. Never From:
   * senders are read from sender elements, and a recipient element in the "from:" row does not
   * make someone the sender. So a recipient label gives at most a labelled To, Cc or Bcc, and a
   * person who has one needs no label looked up again (PeopleOnPage.roleMatters).
   */
  roleOf(recipient: Element): MailRole | undefined {
    // A recipient is a span, never itself a row: the row around it is the row around its parent.
    const parent = recipient.parentElement;
    if (!parent) return undefined;
    if (!this.#roleByParent.has(parent)) {
      const label = parent.closest(sel.detailsRow)?.querySelector(sel.detailsLabel);
      const role = label ? roleFromFieldLabel(readableText(label, 64)) : undefined;
      this.#roleByParent.set(parent, role === 'from' ? undefined : role);
    }
    return this.#roleByParent.get(parent);
  }
}

/**
 * The message's bodies (what its sender wrote), or none. A live class collection: most messages
 * have one body, and asking costs nothing when there is none.
 */
function bodiesOf(message: Element): Element[] {
  const bodies = message.getElementsByClassName(gmailBodyClass);
  return bodies.length === 0 ? [] : [...bodies].filter((body) => body.matches(sel.notPeople));
}

/** True when the element is inside one of the bodies: markup a sender wrote, not Gmail's header. */
const inBody = (element: Element, bodies: readonly Element[]) => bodies.length > 0 && bodies.some((body) => body.contains(element));

/**
 * The people of one message's header areas, read with one query and sorted by class: the sender
 * of a collapsed message; the senders, then the recipients, of an expanded one. Marked elements
 * inside the body are the sender's HTML (`email=`, `name="me"`, Gmail's classes) and are skipped.
 */
function addPeopleOfMessage(message: Element, people: PeopleOnPage, labels: DetailsLabels): void {
  const marked = message.querySelectorAll(gmailThreadPerson);
  const count = marked.length;
  const bodies = count > 0 ? bodiesOf(message) : [];
  // Each element is taken from the list once, by index: iterating a NodeList, or reading it
  // again, costs as much as the query on a long thread.
  if (hasClass(message.getAttribute('class'), gmailCollapsedClass)) {
    for (let i = 0; i < count; i++) {
      const element = marked[i]!;
      if (element.hasAttribute('name') && !inBody(element, bodies)) addGmailPerson(people, element, 'from', true);
    }
    return;
  }
  const recipients: Element[] = [];
  for (let i = 0; i < count; i++) {
    const element = marked[i]!;
    if (inBody(element, bodies)) continue;
    const classes = element.getAttribute('class');
    if (hasClass(classes, gmailSenderClass)) addGmailPerson(people, element, 'from', true);
    if (hasClass(classes, gmailRecipientClass)) recipients.push(element);
  }
  for (const recipient of recipients) addGmailPerson(people, recipient, 'to', false, labels);
}

/**
 * Add the people of the open thread (the whole page, or an added element and what it holds):
 * senders of collapsed and expanded messages, and the recipients (To, Cc, Bcc) of expanded ones.
 * Returns the last message read.
 */
export function addPeopleOfGmailThread(root: Document | Element, people: PeopleOnPage): Element | undefined {
  const labels = new DetailsLabels();
  // A message's body can hold a copy of Gmail's message markup: only Gmail's own messages count.
  const messages = outsideNoscript(matchesByClass(root, gmailMessageClass, MESSAGE)).filter((message) => !message.closest(sel.notPeople));
  for (const message of messages) addPeopleOfMessage(message, people, labels);
  return messages.at(-1);
}

/**
 * The last message a scan read (page order: Gmail lists a thread oldest first), by the findings it
 * made: an incremental scan asks whether an added message comes after it before letting that
 * message's sender be the newest (opening an older message adds it again).
 */
export const lastMessageRead = new WeakMap<PageFindings, Element>();
