import type { Candidate } from '../model';
import { cleanName, toEmailAddress } from './addresses';
import { gmailSelectors as sel, gmailThreadIdAttributes } from './gmail-selectors';
import { NO_FINDINGS, type PageFindings, type Recogniser, type ThreadRef } from './types';

const ROLE_BY_LABEL: Record<string, Candidate['role']> = { 'to:': 'to', 'cc:': 'cc', 'bcc:': 'bcc' };

/** Role of a recipient: from the details table label when it sits in one, else To. */
function recipientRole(element: Element): Candidate['role'] {
  const label = element.closest(sel.detailsRow)?.querySelector(sel.detailsLabel)?.textContent;
  return ROLE_BY_LABEL[(label ?? '').trim().toLowerCase()] ?? 'to';
}

/** The user's address from the tab title ("Subject - me@example.com - Gmail"). */
function addressFromTitle(title: string): string | undefined {
  const parts = title.split(' - ');
  return parts.length >= 2 && parts.at(-1)?.trim() === 'Gmail' ? toEmailAddress(parts.at(-2)) : undefined;
}

function threadOf(doc: Document, url: URL): ThreadRef | undefined {
  const heading = doc.querySelector(sel.threadSubject);
  if (!heading || !doc.querySelector(sel.message)) return undefined;
  const subject = cleanName(heading.textContent) ?? '(no subject)';
  const fromAttribute = gmailThreadIdAttributes.map((a) => heading.getAttribute(a)).find(Boolean);
  // The URL's last hash segment is the thread id in every Gmail view that shows one thread.
  const fromHash = url.hash.split('/').at(-1)?.split('?')[0];
  const key = fromAttribute ?? (fromHash && fromHash.length >= 16 ? fromHash : `subject:${subject}`);
  return { key: `gmail:${key}`, subject };
}

/** The people of the open Gmail thread: senders and recipients of every message in it. */
export function findPeopleInGmailThread(doc: Document, url: URL): PageFindings {
  const thread = threadOf(doc, url);
  if (!thread) return NO_FINDINGS;
  const self = new Set<string>();
  const titleAddress = addressFromTitle(doc.title);
  if (titleAddress) self.add(titleAddress);
  for (const element of doc.querySelectorAll(sel.self)) {
    const address = toEmailAddress(element.getAttribute('email'));
    if (address) self.add(address);
  }
  const people = new Map<string, Candidate>();
  const consider = (element: Element, role: Candidate['role']) => {
    const email = toEmailAddress(element.getAttribute('email'));
    if (!email || self.has(email) || element.getAttribute('name') === 'me') return;
    const name = cleanName(element.getAttribute('name')) ?? cleanName(element.textContent);
    const known = people.get(email);
    // The sender role wins over a recipient role; a real name wins over none.
    if (!known) people.set(email, { email, name, role });
    else if (!known.name && name) known.name = name;
    if (known && role === 'from') known.role = 'from';
  };
  for (const message of doc.querySelectorAll(sel.message)) {
    for (const sender of message.querySelectorAll(sel.sender)) consider(sender, 'from');
    for (const recipient of message.querySelectorAll(sel.recipient)) consider(recipient, recipientRole(recipient));
  }
  return { people: [...people.values()], self: [...self], thread };
}

export const gmailRecogniser: Recogniser = {
  id: 'gmail',
  matches: (url) => url.hostname === 'mail.google.com',
  find: findPeopleInGmailThread,
};
