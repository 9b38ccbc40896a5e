/** Reading the stage changes Tend records when the user changes a person's stage. */
import { Stage, type Interaction, type StageChange } from '../../model/records';

export type { StageChange };

/**
 * The change a stage entry records, or undefined for an entry that is not one. The change is the
 * entry's `stage` field; entries written before it existed say it only in their summary,
 * "Stage: prospect → won" (stage ids, or "no stage"), which is read instead.
 */
export function parseStageChange(entry: Pick<Interaction, 'kind' | 'summary' | 'stage'>): StageChange | undefined {
  if (entry.kind !== 'stage') return undefined;
  if (entry.stage) return entry.stage;
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
  // Back where it started (won -> lost -> won over a period) is no outcome.
  if (change.from === change.to) return undefined;
  if (change.to === 'won') return 'won';
  if (change.to === 'lost') return 'lost';
  const [from, to] = [change.from && LADDER[change.from], change.to && LADDER[change.to]];
  // A first stage ("no stage → active") files a person; it is not growth.
  return from !== undefined && to !== undefined && to > from ? 'grown' : undefined;
}
