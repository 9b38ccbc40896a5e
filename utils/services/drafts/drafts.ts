/**
 * Drafts kept by the worker: every text a user types is saved here on every change (debounced by
 * the page) and shown again wherever the same thing is shown. A note's draft carries the request
 * id of its save (a new follow-up's: the follow-up's id): once that request is logged the draft
 * is saved text, never shown again.
 */
import { deleteDraftRecord, getDraftRecord, listDraftRecords, putDraftRecord } from '../../db/drafts-repo';
import { getFollowUp } from '../../db/followups-repo';
import { findByDedupeKey } from '../../db/interactions-repo';
import { readTx, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { isQuotaError } from '../../errors';
import { DraftRecordSchema, draftKey, isEmptyDraft, type Draft, type DraftAbout, type DraftRecord } from '../../model/drafts';
import { forgetSessionDraft, keepDraftInSession, sessionDraftOf } from '../../storage/drafts';

/** True when the save a draft was written for happened: its note was logged, or its new follow-up created (the request id is the follow-up's). */
async function requestLogged(tx: WriteTx, about: DraftAbout, draft: Draft): Promise<boolean> {
  if (draft.requestId === undefined) return false;
  if (about.kind === 'newFollowUp') return (await getFollowUp(tx, draft.requestId)) !== undefined;
  return (await findByDedupeKey(tx, `request|${draft.requestId}`)) !== undefined;
}

/** The draft about this thing; one whose note was already logged is removed and not returned. */
export async function getDraft(db: TendDatabase, about: DraftAbout): Promise<DraftRecord | undefined> {
  const tx = writeTx(db, ['drafts', 'interactions', 'followUps']);
  const key = draftKey(about);
  const record = await getDraftRecord(tx, key);
  if (record && (await requestLogged(tx, about, record.draft))) {
    await deleteDraftRecord(tx, key);
    await tx.done;
    return undefined;
  }
  await tx.done;
  return record ?? keptInSession(key);
}

/** A draft kept in session storage while the disk was full, if any (and readable). */
async function keptInSession(key: string): Promise<DraftRecord | undefined> {
  const parsed = DraftRecordSchema.safeParse(await sessionDraftOf(key));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Keep a draft. Refused (false) when its note was already logged: a keystroke's save that arrives
 * after the note's save must not bring the saved text back as a draft. A note with nothing
 * written is removed rather than kept (a field's empty text is a value and is kept).
 */
export async function putDraft(db: TendDatabase, about: DraftAbout, draft: Draft, now: number): Promise<boolean> {
  try {
    const kept = await putDraftInDb(db, about, draft, now);
    await forgetSessionDraft(draftKey(about));
    return kept;
  } catch (error) {
    // A full disk: the draft waits in memory (session storage) rather than being lost.
    if (!isQuotaError(error)) throw error;
    await keepDraftInSession({ key: draftKey(about), about, draft, updatedAt: now });
    return true;
  }
}

async function putDraftInDb(db: TendDatabase, about: DraftAbout, draft: Draft, now: number): Promise<boolean> {
  const tx = writeTx(db, ['drafts', 'interactions', 'followUps']);
  const key = draftKey(about);
  if (await requestLogged(tx, about, draft)) {
    await deleteDraftRecord(tx, key);
    await tx.done;
    return false;
  }
  if (about.kind !== 'field' && isEmptyDraft(draft)) await deleteDraftRecord(tx, key);
  else await putDraftRecord(tx, { key, about, draft, updatedAt: now });
  await tx.done;
  return true;
}

/** Remove a draft inside a write that saves its text (the same transaction: saved and cleared together). */
export async function clearDraftIn(tx: WriteTx, about: DraftAbout, requestId?: string): Promise<void> {
  const key = draftKey(about);
  const record = await getDraftRecord(tx, key);
  // A newer draft (another request) started meanwhile is not this save's to remove.
  if (record && (requestId === undefined || record.draft.requestId === undefined || record.draft.requestId === requestId)) await deleteDraftRecord(tx, key);
}

/**
 * Remove a field's draft inside the write that saves the field, when the draft still holds the
 * saved text: text typed after the save left (a newer draft) stays until its own save.
 */
export async function clearDraftHoldingIn(tx: WriteTx, about: DraftAbout, text: string): Promise<void> {
  const key = draftKey(about);
  const record = await getDraftRecord(tx, key);
  if (record?.draft.text === text) await deleteDraftRecord(tx, key);
}

/** Forget a draft (its text was saved another way, or the user threw it away). */
export async function discardDraft(db: TendDatabase, about: DraftAbout, requestId?: string): Promise<void> {
  const tx = writeTx(db, ['drafts']);
  await clearDraftIn(tx, about, requestId);
  await tx.done;
  await forgetSessionDraft(draftKey(about));
}

/** After a note's save committed: a copy of its draft kept while the disk was full goes too. */
export const forgetDraftKeptInSession = (about: DraftAbout): Promise<void> => forgetSessionDraft(draftKey(about));

/** Every draft, oldest first. */
export async function listDrafts(db: TendDatabase): Promise<DraftRecord[]> {
  return listDraftRecords(readTx(db, ['drafts']));
}

/** Remove these drafts (by key); returns how many were there. */
export async function purgeDrafts(db: TendDatabase, keys: readonly string[]): Promise<number> {
  const tx = writeTx(db, ['drafts']);
  let purged = 0;
  for (const key of keys) {
    if (!(await getDraftRecord(tx, key))) continue;
    await deleteDraftRecord(tx, key);
    purged += 1;
  }
  await tx.done;
  return purged;
}
