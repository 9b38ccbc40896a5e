/**
 * Which people a `changed` broadcast concerns. It names the people a commit touched up to
 * MAX_NAMED_PEOPLE and past that says `everyone`: every open extension page receives it and every
 * listener checks it, and the 50,000 ids of an import (a restore, deleting everything) were a
 * 1.95 MB message that cost the options page a task of 118-305 ms (issue 17).
 */
import type { Broadcast } from './protocol';

/** Most people one `changed` broadcast names (39 KB of ids): more changed people are `everyone`. */
export const MAX_NAMED_PEOPLE = 1_000;

/** The people part of a `changed` broadcast for these changed people. */
export function changedPeople(contactIds: readonly string[]): { contactIds: string[]; everyone?: true } {
  return contactIds.length > MAX_NAMED_PEOPLE ? { contactIds: [], everyone: true } : { contactIds: [...contactIds] };
}

/** Whether a broadcast may concern this person. */
export function concernsPerson(message: Broadcast, contactId: string): boolean {
  return message.everyone === true || (message.contactIds?.includes(contactId) ?? false);
}

/** Whether a broadcast concerns any person at all (not only a tab, the settings or sync). */
export function concernsPeople(message: Broadcast): boolean {
  return message.everyone === true || (message.contactIds?.length ?? 0) > 0;
}
