import { parseAddressList } from '../../identity/address-header';
import { type MailRole, outsideNoscript, type PeopleOnPage, roleFromFieldLabel } from '../shared/mail-people';
import { gmailElementsIn } from './outside-mail-text';
import { gmailSelectors as sel } from './selectors';

/** The field of a chip, named by the nearest ancestor label that names one ("Cc recipients"). */
function fieldOfChip(chip: Element): MailRole | undefined {
  for (let labelled = chip.closest(sel.labelled); labelled; labelled = labelled.parentElement?.closest(sel.labelled) ?? null) {
    const role = roleFromFieldLabel(labelled.getAttribute('aria-label'));
    if (role) return role;
  }
  return undefined;
}

/**
 * The older compose UI's hidden fields at or under `root`, recipients then the sender. Found
 * through the live `input` collection, which the browser keeps current between scans: a
 * page-wide query for them on every scan cost as much as reading a long thread, and most pages
 * have no such field.
 */
function legacyFieldsIn(root: Document | Element): HTMLInputElement[] {
  const inputs: HTMLInputElement[] = [...root.getElementsByTagName('input')];
  if ('localName' in root && root.localName === 'input') inputs.unshift(root as HTMLInputElement);
  const fields = (selector: string) => outsideNoscript(inputs.filter((input) => input.matches(selector) && !input.closest(sel.notPeople)));
  return [...fields(sel.legacyRecipients), ...fields(sel.legacyFrom)];
}

/**
 * Add the recipients of every open compose or reply: chips of the current UI, hidden fields of
 * the older one. `chips` are the chips under `root` when the caller has found them already.
 */
export function addPeopleOfGmailCompose(root: Document | Element, people: PeopleOnPage, chips = gmailElementsIn(root, sel.composeChip)): void {
  for (const chip of chips) {
    const role = fieldOfChip(chip);
    // An unknown (localised) field label still means a recipient: guess To rather than lose them.
    people.add({ email: chip.getAttribute('data-hovercard-id'), name: chip.getAttribute('data-name') }, role ?? 'to', role !== undefined);
  }
  for (const input of legacyFieldsIn(root)) {
    const role = roleFromFieldLabel(input.getAttribute('name'));
    for (const { name, address } of parseAddressList(input.value ?? '')) {
      // The sender field shows the user's address (not a person; not learned: the account button
      // teaches Tend the user's addresses); recipients' unknown fields are guessed To.
      if (role === 'from') people.addUserShownAs(address);
      else people.add({ email: address, name }, role ?? 'to', role !== undefined);
    }
  }
}
