import { getContact, putContact } from '../../db/contacts-repo';
import { addInteraction, hasDedupeKey } from '../../db/interactions-repo';
import { writeTx, type TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { newId } from '../../ids';
import type { CalendarEvent, TabPeople, TabPerson } from '../../model/records';

/** A minute of clock skew between the page's calendar and this machine is not "in the future". */
const CLOCK_SLACK_MS = 60_000;

/** The dedupe key of a guest's entry for an event: the same event logged twice is one entry each. */
export const meetingDedupeKey = (eventKey: string, contactId: string) => `meeting|${eventKey}|${contactId}`;

/** The site of an event key ("google-calendar:<id>" -> "google-calendar"). */
const siteOfEvent = (event: CalendarEvent) => event.key.slice(0, Math.max(0, event.key.indexOf(':'))) || undefined;

/** The saved guests a tab's event lists: the user's own addresses were never saved; teams and mailboxes are left out. */
export const guestIdsOf = (tab: { people: readonly TabPerson[] }): string[] => [
  ...new Set(tab.people.flatMap((person) => (person.contactId && !person.mailbox ? [person.contactId] : []))),
];

/**
 * Log the meeting a tab's calendar event shows: one `meeting` entry on each saved guest (see
 * logEventMeeting).
 */
export async function logMeeting(db: TendDatabase, tab: TabPeople, now: number): Promise<{ logged: number; alreadyLogged: number }> {
  const { event } = tab;
  if (!event) throw new TendError('not-found', t('errorNoMeetingOnTab'));
  return logEventMeeting(db, { event, url: tab.url, contactIds: guestIdsOf(tab) }, now);
}

/**
 * Log one event's meeting (the button, or the end of an event seen while its calendar logs them by
 * itself): one `meeting` entry on each guest, dated at the event's start (now when the page gave
 * no time), each guest's last interaction moved to it, which resets their keep-in-touch clock. One
 * transaction; a guest who has the entry already keeps it, so the event is logged once however
 * often and by whichever way.
 */
export async function logEventMeeting(
  db: TendDatabase,
  { event, url, contactIds }: { event: CalendarEvent; url: string; contactIds: readonly string[] },
  now: number,
): Promise<{ logged: number; alreadyLogged: number }> {
  const at = event.start ?? now;
  if (at > now + CLOCK_SLACK_MS) throw new TendError('invalid', t('errorMeetingNotStarted'));
  if (contactIds.length === 0) throw new TendError('not-found', t('errorMeetingNoGuests'));
  const tx = writeTx(db, ['contacts', 'interactions', 'timeline']);
  let logged = 0;
  let alreadyLogged = 0;
  for (const contactId of contactIds) {
    const dedupeKey = meetingDedupeKey(event.key, contactId);
    const contact = await getContact(tx, contactId);
    // A guest deleted since the page was read is not brought back.
    if (!contact) continue;
    if (await hasDedupeKey(tx, dedupeKey)) {
      alreadyLogged++;
      continue;
    }
    await addInteraction(tx, {
      id: newId(now),
      contactIds: [contactId],
      kind: 'meeting',
      at,
      summary: event.title || t('meetingUntitled'),
      source: { url, title: event.title, site: siteOfEvent(event) },
      dedupeKey,
      createdAt: now,
    });
    await putContact(tx, { ...contact, lastInteractionAt: Math.max(contact.lastInteractionAt ?? 0, at), updatedAt: now });
    logged++;
  }
  await tx.done;
  return { logged, alreadyLogged };
}
