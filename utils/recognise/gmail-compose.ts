import { parseAddressList } from './address-header';
import { elementsIn, type MailRole, type PeopleOnPage, roleFromFieldLabel } from './mail-people';
import { gmailSelectors as sel } from './gmail-selectors';

/** The field of a chip, named by the nearest ancestor label that names one ("Cc recipients"). */
function fieldOfChip(chip: Element): MailRole | undefined {
  for (let labelled = chip.closest(sel.labelled); labelled; labelled = labelled.parentElement?.closest(sel.labelled) ?? null) {
    const role = roleFromFieldLabel(labelled.getAttribute('aria-label'));
    if (role) return role;
  }
  return undefined;
}

/** Add the recipients of every open compose or reply: chips of the current UI, hidden fields of the older one. */
export function addPeopleOfGmailCompose(root: ParentNode, people: PeopleOnPage): void {
  for (const chip of elementsIn(root, sel.composeChip)) {
    const role = fieldOfChip(chip);
    // An unknown (localised) field label still means a recipient: guess To rather than lose them.
    people.add({ email: chip.getAttribute('data-hovercard-id'), name: chip.getAttribute('data-name') }, role ?? 'to', role !== undefined);
  }
  for (const input of elementsIn(root, sel.legacyRecipients)) {
    const role = roleFromFieldLabel(input.getAttribute('name'));
    for (const { name, address } of parseAddressList((input as HTMLInputElement).value ?? '')) {
      people.add({ email: address, name }, role ?? 'to', role !== undefined);
    }
  }
  for (const input of elementsIn(root, sel.legacyFrom)) {
    for (const { address } of parseAddressList((input as HTMLInputElement).value ?? '')) people.addSelf(address);
  }
}
