import { addPeopleOfGmailCompose } from './compose';
import { addPersonOfGmailHovercard } from './hovercard';
import { gmailPopupPerson, gmailSelectors as sel } from './selectors';
import type { PeopleOnPage } from '../shared/mail-people';
import { gmailElementsIn } from './outside-mail-text';

/**
 * Add the people of compose windows (chips, older hidden fields) and hover cards at or under
 * `root`. Chips and cards are looked for on every scan and are rarely there: one query finds both.
 */
export function addPeopleOfGmailPopups(root: Document | Element, people: PeopleOnPage): void {
  const popups = gmailElementsIn(root, gmailPopupPerson);
  addPeopleOfGmailCompose(
    root,
    people,
    popups.filter((element) => element.matches(sel.composeChip)),
  );
  addPersonOfGmailHovercard(
    root,
    people,
    popups.filter((element) => element.matches(sel.hovercard)),
  );
}
