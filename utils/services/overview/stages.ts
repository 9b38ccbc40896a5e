/** Reading the "Stage: a → b" entries Tend records when the user changes a person's stage. */
import { Stage, type Interaction } from '../../model/records';

/** A stage change as a stage entry records it. */
export interface StageChange {
  /** Undefined when the person had no stage before. */
  from?: Stage;
  /** Undefined when the stage was cleared. */
  to?: Stage;
}

/** The change a stage entry records, or undefined for an entry that is not one. */
export function parseStageChange(entry: Pick<Interaction, 'kind' | 'summary'>): StageChange | undefined {
  if (entry.kind !== 'stage') return undefined;
  const match = /^Stage: (.+) → (.+)$/.exec(entry.summary);
  if (!match) return undefined;
  const from = Stage.safeParse(match[1]);
  const to = Stage.safeParse(match[2]);
  return { ...(from.success && { from: from.data }), ...(to.success && { to: to.data }) };
}

// How far along a relationship is; won and lost are outcomes, counted on their own.
const LADDER: Partial<Record<Stage, number>> = { dormant: 0, lost: 0, prospect: 1, active: 2, customer: 3 };

/** What a stage change means for the overview: won, lost, grown (moved up the ladder), or nothing. */
export function stageOutcome(change: StageChange): 'won' | 'lost' | 'grown' | undefined {
  if (change.to === 'won') return 'won';
  if (change.to === 'lost') return 'lost';
  const [from, to] = [change.from && LADDER[change.from], change.to && LADDER[change.to]];
  // A first stage ("no stage → active") files a person; it is not growth.
  return from !== undefined && to !== undefined && to > from ? 'grown' : undefined;
}
