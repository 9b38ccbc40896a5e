import { elementsIn, type MailRole, type PeopleOnPage } from '../shared/mail-people';
import { addPeopleOfLabelledLine, addPersonShownBy, roleOfLabelledLine } from './person';
import { outlookSelectors as sel } from './selectors';

/** The role of the header line an element sits in ("Cc: …"), looking no further up than `pane`. */
export function roleOfLineAround(element: Element, pane: Element): MailRole | undefined {
  for (let line = element.closest(sel.labelledLine); line && pane.contains(line); line = line.parentElement?.closest(sel.labelledLine) ?? null) {
    const role = roleOfLabelledLine(line.getAttribute('aria-label'));
    if (role) return role;
  }
  return undefined;
}

/** True when an element belongs to a part of the pane that does not list the message's people. */
function isOutsidePeople(element: Element, pane: Element): boolean {
  const area = element.closest(sel.notPeople);
  return area !== null && pane.contains(area);
}

/**
 * Add the senders and recipients of the messages open in a reading pane, in page order: header
 * lines labelled with a field ("From:", "To:", "Cc:", "Bcc:") and the persona, `mailto:` and
 * address-carrying elements in them. People outside any labelled line get no role.
 */
export function addPeopleOfOutlookReadingPane(pane: Element, people: PeopleOnPage): void {
  const sources = [sel.labelledLine, sel.addressAttribute, sel.mailto, sel.persona].join(', ');
  for (const element of elementsIn(pane, sources)) {
    if (isOutsidePeople(element, pane)) continue;
    const ownRole = roleOfLabelledLine(element.getAttribute('aria-label'));
    if (ownRole) {
      addPeopleOfLabelledLine(people, element.getAttribute('aria-label') ?? '', ownRole);
      continue;
    }
    const role = roleOfLineAround(element, pane);
    addPersonShownBy(people, element, role, role !== undefined);
  }
}
