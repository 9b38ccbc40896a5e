import { mailboxKind, type MailboxKind } from '../../identity/roles';
import { SITES } from '../../sites';

// Sites of profiles (GitHub, LinkedIn): a profile page is one person the user chose to open.
const PROFILE_SITES: ReadonlySet<string> = new Set(SITES.flatMap((site) => (site.profiles ? [site.id] : [])));

/**
 * Does this report save the new people it shows? A mail thread keeps its correspondents and a
 * profile page its person; any other page (a team page with forty addresses) only lists them.
 */
export function pageSavesNewPeople(sighting: { site: string; thread?: unknown }): boolean {
  return sighting.thread !== undefined || PROFILE_SITES.has(sighting.site);
}

/** Where one person of a report goes: with the people or apart as a mailbox, and saved if new or only listed. */
export interface Placement {
  mailbox?: MailboxKind;
  saveIfNew: boolean;
}

/** Role addresses and lists are never saved unasked; others are saved only where the page saves people. */
export function placePerson(email: string | undefined, pageSaves: boolean): Placement {
  const mailbox = email ? mailboxKind(email) : undefined;
  return mailbox ? { mailbox, saveIfNew: false } : { saveIfNew: pageSaves };
}
