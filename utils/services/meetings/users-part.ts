import { toEmailAddress } from '../../identity/addresses';
import type { Candidate, CalendarEvent } from '../../model/records';

/**
 * The event with whether the user takes part: the page said so (its account's address is a guest),
 * or one of the user's own addresses (the settings', which the page may not show) is the organiser
 * or among the guests the page reported. Read before the sighting drops the user's own addresses
 * from the people; only events the user takes part in are logged by themselves after they end.
 */
export function withUsersPart(event: CalendarEvent, guests: readonly Candidate[], own: ReadonlySet<string>): CalendarEvent {
  const isOwn = (raw: string | undefined) => !!raw && own.has(toEmailAddress(raw) ?? '');
  const withUser = event.withUser === true || isOwn(event.organiser) || guests.some((guest) => isOwn(guest.email));
  return { ...event, withUser };
}
