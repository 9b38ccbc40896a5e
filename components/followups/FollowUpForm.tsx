import { useRef, useState } from 'preact/hooks';
import { parseLocalInputValue, toLocalInputValue } from '../../utils/time/dates';
import { quickPickDue } from '../../utils/time/followup-times';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Draft, DraftAbout, DraftFollowUp } from '../../utils/model/drafts';
import { MAX_NOTE } from '../../utils/model/records';
import { useDraftAbout } from '../capture/use-draft';
import { DraftDueField, dueProblem } from './DueField';
import { whenLabel } from './followup-labels';

interface Props {
  contactId: string;
  /** The history entry this follows up on ("Follow up on this"). */
  entryId?: string;
  defaultText?: string;
  /** Unique per form on a page: the fields' ids derive from it. */
  idPrefix: string;
  onSaved?: () => void;
}

/** When a new follow-up is due before the user says: tomorrow morning. */
const freshDue = (due = toLocalInputValue(quickPickDue('tomorrow', Date.now()))): DraftFollowUp => ({ wanted: true, text: '', due, pastConfirmed: false });

/** A new follow-up's draft: its text; due time and past-confirmation in `followUp`; its id in `requestId`. */
const freshFollowUpDraft = (text: string, due?: string): Draft => ({
  text,
  // Kept until a save succeeds: a retry after a lost answer (or after a restart) creates one follow-up.
  requestId: crypto.randomUUID(),
  followUp: freshDue(due),
});

/**
 * Add a follow-up: what, and when (quick picks, or any date and time). What is typed is a draft
 * kept by the worker (closing the panel loses nothing), removed once the follow-up is created.
 */
export function FollowUpForm({ contactId, entryId, defaultText = '', idPrefix, onSaved }: Props) {
  const about: DraftAbout = { kind: 'newFollowUp', contactId, ...(entryId && { entryId }) };
  const typed = useDraftAbout(about, () => freshFollowUpDraft(defaultText));
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const saving = useRef(false);
  const draft = typed.draft;
  if (!draft) return <p class="loading">{t('commonLoading')}</p>;
  const text = draft.text;
  const followUp = draft.followUp ?? freshDue();
  const { due: dueValue, pastConfirmed } = followUp;
  const setFollowUp = (change: Partial<DraftFollowUp>) => typed.update((current) => ({ followUp: { ...(current.followUp ?? freshDue()), ...change } }));

  const save = async () => {
    if (saving.current) return;
    const problem = !text.trim() ? t('followUpSayWhat') : dueProblem(dueValue, pastConfirmed);
    if (problem) return setError(problem);
    const due = parseLocalInputValue(dueValue)!;
    const id = draft.requestId ?? crypto.randomUUID();
    saving.current = true;
    try {
      await ask({ type: 'createFollowUp', id, contactId, text, due, confirmPast: pastConfirmed, ...(entryId && { entryId }) });
      typed.reset(freshFollowUpDraft('', dueValue));
      // The worker no longer shows a draft whose follow-up exists; this removes it at once.
      void ask({ type: 'discardDraft', about, requestId: id }).catch(() => undefined);
      setStatus(t('followUpAdded', whenLabel(due)));
      setError(undefined);
      onSaved?.();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      saving.current = false;
    }
  };

  return (
    <form
      class="followup-form"
      aria-label={t('followUpFormLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label for={`${idPrefix}-text`}>{t('followUpWhat')}</label>
      <input
        id={`${idPrefix}-text`}
        value={text}
        maxLength={MAX_NOTE}
        placeholder={t('followUpWhatPlaceholder')}
        onInput={(e) => typed.update({ text: e.currentTarget.value })}
      />
      <DraftDueField id={`${idPrefix}-due`} value={followUp} onChange={setFollowUp} />
      {(error ?? typed.error) && (
        <p role="alert" class="error">
          {error ?? t('quickNoteDraftNotKept', typed.error!)}
        </p>
      )}
      <button type="submit">{t('followUpAddButton')}</button>
      {status && (
        <p role="status" class="notice">
          {status}
        </p>
      )}
    </form>
  );
}
