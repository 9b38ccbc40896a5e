import { toEmailAddress } from '../../identity/addresses';
import { type PeopleOnPage } from '../shared/mail-people';
import { gmailElementsIn } from './outside-mail-text';
import { gmailSelectors as sel } from './selectors';
import { readableText } from '../../identity/profile-url';

/**
 * Add the person of an open hover card: the address from its id or its `mailto:` link, the name
 * from its heading. `cards` are the cards under `root` when the caller has found them already.
 */
export function addPersonOfGmailHovercard(root: ParentNode, people: PeopleOnPage, cards = gmailElementsIn(root, sel.hovercard)): void {
  for (const card of cards) {
    const mailto = card.querySelector(sel.hovercardMailto)?.getAttribute('href');
    const email = toEmailAddress(card.getAttribute('data-hovercard-id')) ?? toEmailAddress(mailto);
    const heading = card.querySelector(sel.hovercardName);
    // A card is not a mail field: the person gets no role of their own here.
    people.add({ email, name: heading ? readableText(heading, 200) : undefined });
  }
}
