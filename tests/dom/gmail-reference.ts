/**
 * The Gmail recogniser as it read pages before its full scan was made fast (one selector query
 * per message and per kind of person, every address normalised on every sighting), kept as the
 * reference the fast scan must agree with (tests/dom/gmail-fast-scan.test.ts). Slow on purpose:
 * plain code that is easy to check by reading. One rule changed with the fast scan, marked below,
 * and one was added after it (issue 14): the sender of the last message read is the newest sender;
 * the trust rules changed more, each marked "Trust:": the user's own addresses come only from the
 * account button, and nothing inside what people wrote (a body, a reply's quote) is read.
 */
import { parseAddressList } from '../../utils/identity/address-header';
import { cleanName, toEmailAddress } from '../../utils/identity/addresses';
import { gmailRecipientListViews, gmailSelectors as sel, gmailThreadIdAttributes } from '../../utils/recognise/gmail/selectors';
import { MAX_THREAD_ID, type MailRole, roleFromFieldLabel } from '../../utils/recognise/shared/mail-people';
import { readableText } from '../../utils/identity/profile-url';
import type { PageFindings, ThreadRef } from '../../utils/recognise/shared/types';
import type { Candidate } from '../../utils/model/records';

const MESSAGE = `${sel.message}, ${sel.collapsedMessage}`;

/** The merge rules of the collector, without memos or shortcuts. */
class ReferencePeople {
  private readonly entries: { person: Candidate; rank: number }[] = [];
  private readonly byEmail = new Map<string, { person: Candidate; rank: number }>();
  private readonly byName = new Map<string, { person: Candidate; rank: number }>();
  private readonly self = new Set<string>();
  private readonly userShownAs = new Set<string>();
  /** The address of whoever sent the last message read that a person (not the user) sent. */
  newestSender: string | undefined;

  add(raw: { email?: string | null; name?: string | null }, role?: MailRole, labelled = false, nameOnlyAllowed = false): void {
    const email = toEmailAddress(raw.email);
    let name = cleanName(raw.name);
    if (name && (name.toLowerCase() === email || toEmailAddress(name))) name = undefined;
    if (!email && !(nameOnlyAllowed && name)) return;
    const rank = role === 'from' ? 3 : role ? (labelled ? 2 : 1) : 0;
    const byName = name ? this.byName.get(name.toLowerCase()) : undefined;
    const known = !email ? byName : (this.byEmail.get(email) ?? (byName && !byName.person.email ? byName : undefined));
    const entry = known ?? { person: {}, rank };
    if (!known) {
      if (email) entry.person.email = email;
      if (name) entry.person.name = name;
      if (role) entry.person.role = role;
      this.entries.push(entry);
    } else {
      if (email && !known.person.email) known.person.email = email;
      if (name && !known.person.name) known.person.name = name;
      if (role && rank > known.rank) {
        known.person.role = role;
        known.rank = rank;
      }
    }
    if (entry.person.email) this.byEmail.set(entry.person.email, entry);
    const nameKey = entry.person.name?.toLowerCase();
    if (nameKey && !this.byName.has(nameKey)) this.byName.set(nameKey, entry);
  }

  isSelf(address: string): boolean {
    return this.self.has(address);
  }

  addSelf(raw: string | null | undefined): void {
    const address = toEmailAddress(raw);
    if (address) this.self.add(address);
  }

  /** Trust: the user as a mail header shows them is no person, and is not learned as their own. */
  addUserShownAs(raw: string | null | undefined): void {
    const address = toEmailAddress(raw);
    if (address) this.userShownAs.add(address);
  }

  static from(previous: PageFindings): ReferencePeople {
    const people = new ReferencePeople();
    for (const own of previous.self) people.addSelf(own);
    for (const person of previous.people) people.add(person, person.role, true, true);
    people.newestSender = previous.people.find((person) => person.newest)?.email;
    return people;
  }

  findings(thread?: ThreadRef): PageFindings {
    const people = this.entries
      .filter(({ person }) => !person.email || (!this.self.has(person.email) && !this.userShownAs.has(person.email)))
      .map(({ person }) => (thread && person.email && person.email === this.newestSender ? { ...person, newest: true as const } : { ...person }));
    const findings: PageFindings = { people, self: [...this.self] };
    if (thread) findings.thread = thread;
    return findings;
  }
}

function elementsIn(root: ParentNode, selector: string): Element[] {
  const self = root instanceof Element && root.matches(selector) ? [root] : [];
  // Trust: nothing inside what people wrote (message bodies, editable compose bodies).
  return [...self, ...root.querySelectorAll(selector)].filter((element) => !element.closest('noscript') && !element.closest(sel.notPeople));
}

function addMarked(people: ReferencePeople, element: Element, role: MailRole | undefined, labelled: boolean): void {
  const email = element.getAttribute('email');
  if (element.getAttribute('name') === 'me') people.addUserShownAs(email);
  else people.add({ email, name: element.getAttribute('name') || readableText(element, 200) }, role, labelled);
}

/** A message's sender: the newest sender so far (a thread is read oldest first), unless it is the user. */
function noteSender(people: ReferencePeople, sender: Element): void {
  const email = toEmailAddress(sender.getAttribute('email'));
  if (email && sender.getAttribute('name') !== 'me' && !people.isSelf(email)) people.newestSender = email;
}

function threadOf(doc: Document, url: URL): ThreadRef | undefined {
  // Trust: the first heading outside what people wrote.
  const heading = [...doc.querySelectorAll(sel.threadSubject)].find((h) => !h.closest(sel.notPeople));
  if (!heading || !doc.querySelector(MESSAGE)) return undefined;
  const subject = cleanName(readableText(heading)) ?? '(no subject)';
  const isId = (id: string | null | undefined): id is string => !!id && id.length <= MAX_THREAD_ID;
  const fromAttribute = gmailThreadIdAttributes.map((a) => heading.getAttribute(a)).find(isId);
  const fromHash = url.hash.split('/').at(-1)?.split('?')[0];
  const key = fromAttribute ?? (isId(fromHash) && fromHash.length >= 16 ? fromHash : `subject:${subject}`);
  return { key: `gmail:${key}`, subject };
}

/** Trust: a message's people outside its bodies. */
function headerPeople(message: Element, selector: string): Element[] {
  const bodies = [...message.querySelectorAll('div.a3s')];
  return [...message.querySelectorAll(selector)].filter((element) => !bodies.some((body) => body.contains(element)));
}

function addThread(root: ParentNode, people: ReferencePeople): void {
  for (const message of elementsIn(root, MESSAGE)) {
    if (message.matches(sel.collapsedMessage)) {
      for (const sender of headerPeople(message, sel.collapsedSender)) {
        addMarked(people, sender, 'from', true);
        noteSender(people, sender);
      }
      continue;
    }
    for (const sender of headerPeople(message, sel.sender)) {
      addMarked(people, sender, 'from', true);
      noteSender(people, sender);
    }
    for (const recipient of headerPeople(message, sel.recipient)) {
      const label = recipient.closest(sel.detailsRow)?.querySelector(sel.detailsLabel);
      const named = label ? roleFromFieldLabel(readableText(label, 64)) : undefined;
      // The one deliberate change: a recipient element in the "from:" row no longer makes
      // someone the sender (it was read as one); senders come from sender elements only.
      const role = named === 'from' ? undefined : named;
      addMarked(people, recipient, role ?? 'to', role !== undefined);
    }
  }
}

function addList(root: ParentNode, url: URL, people: ReferencePeople): void {
  const view = url.hash.split('/')[0]?.split('?')[0]?.toLowerCase() ?? '';
  const role = gmailRecipientListViews.some((v) => view === v) ? 'to' : 'from';
  for (const row of elementsIn(root, sel.listRow)) {
    for (const person of row.querySelectorAll(sel.listPeople)) addMarked(people, person, role, false);
  }
}

function addCompose(root: ParentNode, people: ReferencePeople): void {
  for (const chip of elementsIn(root, sel.composeChip)) {
    let role: MailRole | undefined;
    for (let labelled = chip.closest(sel.labelled); labelled && !role; labelled = labelled.parentElement?.closest(sel.labelled) ?? null) {
      role = roleFromFieldLabel(labelled.getAttribute('aria-label'));
    }
    people.add({ email: chip.getAttribute('data-hovercard-id'), name: chip.getAttribute('data-name') }, role ?? 'to', role !== undefined);
  }
  for (const input of elementsIn(root, sel.legacyRecipients)) {
    const role = roleFromFieldLabel(input.getAttribute('name'));
    for (const { name, address } of parseAddressList((input as HTMLInputElement).value ?? ''))
      people.add({ email: address, name }, role ?? 'to', role !== undefined);
  }
  for (const input of elementsIn(root, sel.legacyFrom)) {
    for (const { address } of parseAddressList((input as HTMLInputElement).value ?? '')) people.addUserShownAs(address);
  }
}

function addHovercards(root: ParentNode, people: ReferencePeople): void {
  for (const card of elementsIn(root, sel.hovercard)) {
    const mailto = card.querySelector(sel.hovercardMailto)?.getAttribute('href');
    const heading = card.querySelector(sel.hovercardName);
    people.add({
      email: toEmailAddress(card.getAttribute('data-hovercard-id')) ?? toEmailAddress(mailto),
      name: heading ? readableText(heading, 200) : undefined,
    });
  }
}

/** What gmailRecogniser.find returned for a page before the fast scan. */
export function referenceGmailFind(doc: Document, url: URL): PageFindings {
  const people = new ReferencePeople();
  // Trust: the account button outside the mail, not the title.
  for (const button of doc.querySelectorAll(sel.accountButton)) {
    if (button.closest(sel.notAccountArea)) continue;
    for (const token of (button.getAttribute('aria-label') ?? '').split(/[\s()<>]+/)) if (token.includes('@')) people.addSelf(token);
  }
  const thread = threadOf(doc, url);
  if (thread) addThread(doc, people);
  else addList(doc, url, people);
  addCompose(doc, people);
  addHovercards(doc, people);
  return people.findings(thread);
}

/** What gmailRecogniser.findInAdded returned before the fast scan. */
export function referenceGmailFindInAdded(added: readonly Element[], previous: PageFindings): PageFindings | undefined {
  const viewChange = `${sel.threadSubject}, ${sel.listRow}`;
  if (added.some((root) => root.matches(viewChange) || root.querySelector(viewChange))) return undefined;
  const people = ReferencePeople.from(previous);
  for (const root of added) {
    if (!root.isConnected) continue;
    if (previous.thread) addThread(root.closest(MESSAGE) ?? root, people);
    addCompose(root, people);
    addHovercards(root.closest(sel.hovercard) ?? root, people);
  }
  return people.findings(previous.thread);
}
