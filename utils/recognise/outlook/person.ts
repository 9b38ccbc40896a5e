import { cleanName } from '../../identity/addresses';
import { addressesInText, type MailRole, roleFromFieldLabel } from '../shared/mail-people';
import type { PeopleSink } from '../shared/people-said';
import { outlookSelectors as sel } from './selectors';
import { readableText } from '../../identity/profile-url';

/** Longer element text than this is a container, not a name. */
const MAX_NAME_TEXT = 100;
/** Outlook separates the people of a line with semicolons: names may hold commas ("Hopper, Grace"). */
const LINE_SEPARATOR = ';';

/** A field label's role when `label` starts with one followed by a colon ("Cc: Grace"), else undefined. */
export function roleOfLabelledLine(label: string | null): MailRole | undefined {
  return label?.includes(':') ? roleFromFieldLabel(label) : undefined;
}

/** The display name written before an address (`Ada Lovelace <ada@x>`), without a field label. */
function nameBeforeAddress(text: string): string | undefined {
  const bracket = text.indexOf('<');
  if (bracket <= 0) return undefined;
  let name = text.slice(0, bracket);
  const colon = name.indexOf(':');
  if (colon >= 0 && roleFromFieldLabel(name)) name = name.slice(colon + 1);
  return cleanName(withoutQuotes(name));
}

/** Text without the quotes and spaces around it; a loop, as a trailing-class regex backtracks on long runs. */
function withoutQuotes(text: string): string {
  const isEdge = (char: string) => char === '"' || char === "'" || char.trim() === '';
  let start = 0;
  let end = text.length;
  while (start < end && isEdge(text.charAt(start))) start++;
  while (end > start && isEdge(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** An element's own short text as a name; undefined when it is long (a container) or an address. */
function shortTextOf(element: Element): string | undefined {
  const text = cleanName(readableText(element, MAX_NAME_TEXT + 1));
  return text && text.length <= MAX_NAME_TEXT && !text.includes('@') ? text : undefined;
}

/**
 * Add the people a labelled line names in its `aria-label` ("To: Ada Lovelace <ada@x>; Grace
 * Hopper"): an entry with one address is that person, an entry without one is a name only.
 */
export function addPeopleOfLabelledLine(people: PeopleSink, label: string, role: MailRole): void {
  const value = label.slice(label.indexOf(':') + 1, 2000);
  for (const entry of value.split(LINE_SEPARATOR)) {
    const addresses = addressesInText(entry);
    // An entry with an `@` but no valid address is a broken address, not a name.
    if (addresses.length === 0 && !entry.includes('@')) people.add({ name: entry }, role, true, true);
    else if (addresses.length === 1) people.add({ email: addresses[0], name: nameBeforeAddress(entry) }, role, true);
    else for (const email of addresses) people.add({ email }, role, true);
  }
}

/**
 * Add the person one element shows: a persona (name, and an address or a job title beneath it),
 * a `mailto:` link, or an element whose `title`/`aria-label` holds an address.
 */
export function addPersonShownBy(people: PeopleSink, element: Element, role: MailRole | undefined, labelled: boolean): void {
  if (element.matches(sel.persona)) {
    const nameElement = element.querySelector(sel.personaName);
    const detail = element.querySelector(sel.personaDetail);
    const [email] = [...addressesInText(detail && readableText(detail, 300)), ...addressesInText(element.getAttribute('title'))];
    people.add({ email, name: nameElement ? readableText(nameElement, 300) : undefined }, role, labelled, true);
    return;
  }
  if (element.matches(sel.mailto)) {
    people.add({ email: element.getAttribute('href'), name: shortTextOf(element) }, role, labelled);
    return;
  }
  for (const attribute of ['title', 'aria-label']) {
    const text = element.getAttribute(attribute);
    const addresses = addressesInText(text);
    if (addresses.length === 1) {
      people.add({ email: addresses[0], name: nameBeforeAddress(text ?? '') ?? shortTextOf(element) }, role, labelled);
    } else for (const email of addresses) people.add({ email }, role, labelled);
  }
}
