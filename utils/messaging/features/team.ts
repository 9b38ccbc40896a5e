/**
 * Page requests of sync's team space (issue 18, "Two spaces"): share a note or a follow-up with
 * the team, the composer's remembered share choice, and who else on the team knows a person.
 * Merged into PageRequest in ../protocol.ts.
 */
import { z } from 'zod';
import { FollowUp, Interaction, MAX_NAME } from '../../model/records';

/** A teammate who knows a person, and when they last talked to them (absent: not said). */
export const TeamKnower = z.object({ member: z.string().max(MAX_NAME), lastTalkedAt: z.number().optional() });
export type TeamKnower = z.infer<typeof TeamKnower>;

/** The page requests of the team space. */
export const teamRequests = [
  /** Share one of the user's own notes with their team (sightings and stage changes are never shared). */
  z.object({ type: z.literal('shareEntry'), interactionId: z.uuid() }),
  /** Share one of the user's own follow-ups with their team. */
  z.object({ type: z.literal('shareFollowUp'), followUpId: z.uuid() }),
  /** The composer's last "Share with the team" choice (false until the user first shared). */
  z.object({ type: z.literal('getShareChoice') }),
  /** Remember the composer's "Share with the team" choice for the next note. */
  z.object({ type: z.literal('setShareChoice'), shared: z.boolean() }),
  /** The other members of the user's team who know this person (none when no team is joined). */
  z.object({ type: z.literal('getTeamKnowers'), contactId: z.uuid() }),
] as const;

/** What each of those requests answers with. */
export const teamResults = {
  shareEntry: Interaction,
  shareFollowUp: FollowUp,
  getShareChoice: z.boolean(),
  setShareChoice: z.boolean(),
  getTeamKnowers: z.array(TeamKnower),
} satisfies Record<string, z.ZodType>;
