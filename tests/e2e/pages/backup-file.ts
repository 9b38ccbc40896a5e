import { backupOf, type IdentityRow } from '../../../utils/portability/backup/format';
import { identityKey } from '../../../utils/db/schema';
import { DEFAULT_SETTINGS, type Contact, type FollowUp, type Interaction, type Settings } from '../../../utils/model/records';

/** What a made-up backup holds; identity rows are derived from the contacts. */
export interface BackupContents {
  contacts: Contact[];
  interactions: Interaction[];
  followUps?: FollowUp[];
  settings?: Settings;
}

/**
 * The text of a Tend backup file made outside the browser: the bulk way in for seeded data, which
 * the options page's restore checks record by record as it checks any user's file.
 */
export function backupFileText({ contacts, interactions, followUps = [], settings = DEFAULT_SETTINGS }: BackupContents, now = Date.now()): string {
  return JSON.stringify(backupOf({ contacts, identities: identityRowsOf(contacts), interactions, followUps, settings }, now));
}

/** The identity rows a backup lists for these people: one per address or profile. */
export function identityRowsOf(contacts: readonly Contact[]): IdentityRow[] {
  return contacts.flatMap((contact) =>
    contact.identities.map((identity) => ({ key: identityKey(identity), kind: identity.kind, value: identity.value, contactId: contact.id })),
  );
}
