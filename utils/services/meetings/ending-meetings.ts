/**
 * Calendar events waiting to be logged when they end (issue 16: "log a meeting automatically after
 * it ended", per calendar). In the worker's database (utils/db/ending-meetings-repo.ts), not in
 * chrome.storage: titles and guests are history, which nothing a content script could reach holds.
 * They outlive the worker and a browser restart until their end.
 */
import { z } from 'zod';
import { getEndingMeetingsRecord, putEndingMeetingsRecord, removeEndingMeetingsRecord } from '../../db/ending-meetings-repo';
import { readTx, writeTx, type TendDatabase } from '../../db/schema';
import { CalendarEvent } from '../../model/records';

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

const EndingMeetings = z.array(EndingMeeting).max(MAX_ENDING_MEETINGS);

/** The events waiting for their end, soonest end first (none when the stored list is unreadable). */
export async function getEndingMeetings(db: TendDatabase): Promise<EndingMeeting[]> {
  const tx = readTx(db, ['settings']);
  const stored = await getEndingMeetingsRecord(tx);
  await tx.done;
  if (stored === undefined) return [];
  const parsed = EndingMeetings.safeParse(stored);
  if (!parsed.success) console.warn('Tend: the meetings waiting to be logged could not be read; they are dropped', parsed.error);
  return parsed.data ?? [];
}

/** Replace the waiting events (kept soonest end first, at most MAX_ENDING_MEETINGS). */
export async function setEndingMeetings(db: TendDatabase, meetings: readonly EndingMeeting[], now: number): Promise<void> {
  const kept = [...meetings].sort((a, b) => a.event.end - b.event.end).slice(0, MAX_ENDING_MEETINGS);
  const tx = writeTx(db, ['settings']);
  if (kept.length === 0) await removeEndingMeetingsRecord(tx);
  else await putEndingMeetingsRecord(tx, kept, now);
  await tx.done;
}
