/**
 * Page requests about calendar events (the side panel's meeting piece): schemas and result
 * schemas, merged into PageRequest in ../protocol.ts.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

export const meetingsRequests = [
  /**
   * Log the meeting the tab's calendar event shows: one meeting entry on each saved guest, at the
   * event's start. Idempotent per guest and event: a second click adds nothing.
   */
  z.object({ type: z.literal('logMeeting'), tabId: z.number().int().nonnegative() }),
  /** What to know before the tab's meeting, per saved guest: what matters to them, open follow-ups, logged or not. */
  z.object({ type: z.literal('getMeetingPrep'), tabId: z.number().int().nonnegative() }),
] as const;

const GuestPrep = z.object({
  contactId: z.uuid(),
  whatMatters: z.string().optional(),
  followUps: z.array(z.object({ id: z.uuid(), text: z.string(), due: z.number() })),
  openFollowUps: count,
  logged: z.boolean(),
});
export type GuestPrep = z.infer<typeof GuestPrep>;

export const meetingsResults = {
  /** How many guests got an entry now, and how many had it already. */
  logMeeting: z.object({ logged: count, alreadyLogged: count }),
  getMeetingPrep: z.array(GuestPrep),
};
