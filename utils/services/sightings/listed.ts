/**
 * Saving a person a tab only listed (an ordinary page lists people, it does not save them): the
 * user pressed Add, or chose them for a note. The row stands for everything the page showed of
 * them: its address, its profile URL and the other addresses of the same card, all saved as the
 * person's identities, through the same resolution as a sighting (an identity someone already
 * has finds that person).
 */
import type { Contact, TabPerson } from '../../model/records';
import { putContact } from '../../db/contacts-repo';
import { writeTx, type TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { cleanName, toEmailAddress } from '../../identity/addresses';
import { canonicalProfileUrl } from '../../identity/profile-url';
import { getTabPeople } from '../../storage/tab-people';
import { resolveContact, type KeptPerson } from './sightings';

/** Who the user added: what the Add button knows of the row. */
export interface ListedChoice {
  displayName?: string;
  email?: string;
  profileUrl?: string;
}

/** The tab's unsaved row the choice names: by address, else by profile URL, else (a name only) by name. */
export function listedRowOf(rows: readonly TabPerson[], choice: ListedChoice): TabPerson | undefined {
  const unsaved = rows.filter((row) => !row.contactId);
  if (choice.email) return unsaved.find((row) => row.email === choice.email);
  if (choice.profileUrl) return unsaved.find((row) => row.profileUrl === choice.profileUrl);
  return unsaved.find((row) => !row.email && !row.profileUrl && row.displayName === choice.displayName);
}

/** The choice's identities, checked and normalised as a sighting's are. */
function checkedChoice(choice: ListedChoice): KeptPerson {
  const email = choice.email ? toEmailAddress(choice.email) : undefined;
  if (choice.email && !email) throw new TendError('invalid', t('errorNotAnEmail', choice.email));
  const profileUrl = choice.profileUrl ? canonicalProfileUrl(choice.profileUrl) : undefined;
  const name = cleanName(choice.displayName);
  // A row without a name shows its address or URL instead: that is no name.
  const realName = name && name !== email && name !== profileUrl && name !== choice.profileUrl ? name : undefined;
  if (!email && !profileUrl && !realName) throw new TendError('invalid', t('errorNameOrEmail'));
  return { name: realName, email, profileUrl };
}

/**
 * The person of a tab's listed row with every identity the page showed for them (its card's
 * other addresses): read from the tab's storage, so before any transaction opens.
 */
export async function listedPersonOf(tabId: number | undefined, choice: ListedChoice): Promise<KeptPerson> {
  const person = checkedChoice(choice);
  const listed = tabId === undefined ? undefined : await getTabPeople(tabId);
  const row = listed ? listedRowOf([...listed.people, ...listed.mailboxes], { ...choice, ...person }) : undefined;
  // The card's other addresses and URLs, as the worker listed them (checked again: storage is not trusted blindly).
  const more = (row?.more ?? []).flatMap((raw) => toEmailAddress(raw) ?? []).filter((address) => address !== person.email);
  if (more.length > 0) person.more = more;
  const moreUrls = (row?.moreUrls ?? []).flatMap((raw) => canonicalProfileUrl(raw) ?? []).filter((url) => url !== person.profileUrl);
  if (moreUrls.length > 0) person.moreUrls = moreUrls;
  return person;
}

/**
 * Save the person of a tab's listed row with every identity the page showed for them, in one
 * transaction; a person who already has one of them is that person (gaining the others).
 */
export async function saveListedPerson(db: TendDatabase, tabId: number, choice: ListedChoice, now: number): Promise<Contact> {
  const person = await listedPersonOf(tabId, choice);
  const tx = writeTx(db, ['contacts', 'identities']);
  const { contact, changed } = await resolveContact(tx, person, now);
  if (changed) await putContact(tx, contact);
  await tx.done;
  return contact;
}
