import { useRef, useState } from 'preact/hooks';
import { parseLocalInputValue, toLocalInputValue } from '../../utils/time/dates';
import { quickPickDue } from '../../utils/time/followup-times';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { MAX_NOTE } from '../../utils/model/records';
import { DueField, dueProblem } from './DueField';
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

/** Add a follow-up: what, and when (quick picks, or any date and time). */
export function FollowUpForm({ contactId, entryId, defaultText = '', idPrefix, onSaved }: Props) {
  const [text, setText] = useState(defaultText);
  const [dueValue, setDueValue] = useState(() => toLocalInputValue(quickPickDue('tomorrow', Date.now())));
  const [pastConfirmed, setPastConfirmed] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  // Kept until a save succeeds: a retry after a lost answer creates one follow-up.
  const followUpId = useRef(crypto.randomUUID());
  const saving = useRef(false);

  const save = async () => {
    if (saving.current) return;
    const problem = !text.trim() ? t('followUpSayWhat') : dueProblem(dueValue, pastConfirmed);
    if (problem) return setError(problem);
    const due = parseLocalInputValue(dueValue)!;
    saving.current = true;
    try {
      await ask({ type: 'createFollowUp', id: followUpId.current, contactId, text, due, confirmPast: pastConfirmed, ...(entryId && { entryId }) });
      followUpId.current = crypto.randomUUID();
      setStatus(t('followUpAdded', whenLabel(due)));
      setError(undefined);
      setText('');
      setPastConfirmed(false);
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
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <DueField id={`${idPrefix}-due`} value={dueValue} onChange={setDueValue} pastConfirmed={pastConfirmed} onConfirmPast={setPastConfirmed} />
      {error && (
        <p role="alert" class="error">
          {error}
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
