import { elementsIn, type PeopleOnPage, roleFromFieldLabel } from '../shared/mail-people';
import { addPersonShownBy } from './person';
import { outlookSelectors as sel } from './selectors';

/**
 * Add the recipients of the drafts open in a pane: the resolved recipients (personas and
 * elements carrying an address) inside each To, Cc and Bcc well. Text still being typed is not
 * a recipient yet, and the body well (its label names no field) is never read.
 */
export function addPeopleOfOutlookCompose(pane: Element, people: PeopleOnPage): void {
  const sources = [sel.addressAttribute, sel.mailto, sel.persona].join(', ');
  for (const well of elementsIn(pane, sel.recipientWell)) {
    const role = roleFromFieldLabel(well.getAttribute('aria-label'));
    if (!role) continue;
    for (const element of elementsIn(well, sources)) addPersonShownBy(people, element, role, true);
  }
}
