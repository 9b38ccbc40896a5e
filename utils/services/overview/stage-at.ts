/**
 * A person's stage at a date, worked out backwards from the stage they have now: the stage before
 * a moment is the `from` of their first stage change at or after it, or (with none since) the
 * stage they have now. Before the person existed (their `createdAt`) they had no stage. So a person
 * restored or imported as "won", with no change recorded, has been won since the date they were
 * created; and only changes from the earliest moment asked are needed, never the whole history.
 */
import type { Contact, Stage, StageChange } from '../../model/records';
import { stageOutcome } from './stages';

/** One recorded change of a person's stage, when it happened. */
export interface DatedStageChange extends StageChange {
  at: number;
}

/** What is known of a person for dating their stage: now, since when, and the changes since a moment. */
export interface StageHistory {
  contact: Pick<Contact, 'stage' | 'createdAt'>;
  /** Their stage changes from the earliest moment asked onwards, oldest first. */
  changes: readonly DatedStageChange[];
}

/** The stage a person had just before `at` (undefined: no stage, or they did not exist yet). */
export function stageBefore({ contact, changes }: StageHistory, at: number): Stage | undefined {
  if (contact.createdAt >= at) return undefined;
  const next = changes.find((change) => change.at >= at);
  return next ? next.from : contact.stage;
}

/** Won, lost or grown over [start, end), comparing the stage at its start with the stage at its end. */
export function outcomeBetween(history: StageHistory, start: number, end: number): 'won' | 'lost' | 'grown' | undefined {
  const [from, to] = [stageBefore(history, start), stageBefore(history, end)];
  return from === to ? undefined : stageOutcome({ ...(from && { from }), ...(to && { to }) });
}
