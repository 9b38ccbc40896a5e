/**
 * Calendar events waiting to be logged when they end (issue 16: "log a meeting automatically after
 * it ended", per calendar). chrome.storage.local (key `endingMeetings`): they must outlive the
 * worker and a browser restart until their end; delete everything clears the area.
 */
import { z } from 'zod';
import { CalendarEvent } from '../model/records';
import { storedItem } from './item';

/** An event seen while its calendar's switch was on: what logging it needs once it ended. */
export const EndingMeeting = z.object({
  event: CalendarEvent.extend({ end: z.number() }),
  /** The page it was seen on (the entries' source). */
  url: z.string(),
  /** The saved guests, the user and team mailboxes left out. */
  contactIds: z.array(z.uuid()).max(500),
});
export type EndingMeeting = z.infer<typeof EndingMeeting>;

/** At most this many events wait at once; the ones ending last are dropped (the user can still log them). */
export const MAX_ENDING_MEETINGS = 200;

const endingMeetingsItem = storedItem('local:endingMeetings', z.array(EndingMeeting).max(MAX_ENDING_MEETINGS), {
  onUnreadable: (error) => console.warn('Tend: the meetings waiting to be logged could not be read; they are dropped', error),
});

/** The events waiting for their end, soonest end first. */
export async function getEndingMeetings(): Promise<EndingMeeting[]> {
  return (await endingMeetingsItem.get()) ?? [];
}

/** Replace the waiting events (kept soonest end first, at most MAX_ENDING_MEETINGS). */
export async function setEndingMeetings(meetings: readonly EndingMeeting[]): Promise<void> {
  const kept = [...meetings].sort((a, b) => a.event.end - b.event.end).slice(0, MAX_ENDING_MEETINGS);
  if (kept.length === 0) await endingMeetingsItem.remove();
  else await endingMeetingsItem.set(kept);
}
