/**
 * The composer's last "Share with the team" choice (issue 18), offered again on the next note. In
 * the worker's database beside sync's records, not in chrome.storage: a content script able to flip
 * it would make the user's next notes shared by default. It only sets a checkbox's first state,
 * which the user sees before every save; turning sync off forgets it with the team.
 */
import { getShareChoiceRecord, putShareChoiceRecord } from '../../db/sync-repo';
import { readTx, writeTx, type TendDatabase } from '../../db/schema';

/** The last choice (false until the user first chose to share, or when the stored value is not a choice). */
export async function lastShareChoice(db: TendDatabase): Promise<boolean> {
  const tx = readTx(db, ['settings']);
  const stored = await getShareChoiceRecord(tx);
  await tx.done;
  return stored === true;
}

/** Remember the choice for the next note; returns it. */
export async function rememberShareChoice(db: TendDatabase, shared: boolean, now: number): Promise<boolean> {
  const tx = writeTx(db, ['settings']);
  await putShareChoiceRecord(tx, shared, now);
  await tx.done;
  return shared;
}
