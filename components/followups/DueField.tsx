import { parseLocalInputValue, toLocalInputValue } from '../../utils/time/dates';
import { QUICK_PICK_LABELS } from '../../utils/time/followup-time-labels';
import { isInThePast, quickPickDue, type QuickPick } from '../../utils/time/followup-times';
import { t } from '../../utils/i18n';
import type { DraftFollowUp } from '../../utils/model/drafts';

interface Props {
  id: string;
  /** The `datetime-local` value as typed. */
  value: string;
  onChange: (value: string) => void;
  /** The user said yes to a due time in the past. */
  pastConfirmed: boolean;
  onConfirmPast: (confirmed: boolean) => void;
}

/** What is wrong with a due field's value, or undefined when it may be saved. */
export function dueProblem(value: string, pastConfirmed: boolean, now = Date.now()): string | undefined {
  const due = parseLocalInputValue(value);
  if (due === undefined) return t('dueNotADate');
  if (isInThePast(due, now) && !pastConfirmed) return t('duePastUnconfirmed');
  return undefined;
}

/** A due date and time, quick picks, and the question a time in the past asks. */
export function DueField({ id, value, onChange, pastConfirmed, onConfirmPast }: Props) {
  const due = parseLocalInputValue(value);
  const past = due !== undefined && isInThePast(due, Date.now());
  const pick = (choice: QuickPick) => {
    onChange(toLocalInputValue(quickPickDue(choice, Date.now())));
    onConfirmPast(false);
  };
  return (
    <div class="due-field">
      <label for={id}>{t('dueLabel')}</label>
      <input
        id={id}
        type="datetime-local"
        value={value}
        onInput={(e) => {
          onChange(e.currentTarget.value);
          onConfirmPast(false);
        }}
      />
      <div class="quick-picks" role="group" aria-label={t('dueQuickPicks')}>
        {(Object.keys(QUICK_PICK_LABELS) as QuickPick[]).map((choice) => (
          <button key={choice} type="button" class="secondary" onClick={() => pick(choice)}>
            {t(QUICK_PICK_LABELS[choice])}
          </button>
        ))}
      </div>
      {past && (
        <label class="checkbox past-confirm">
          <input type="checkbox" checked={pastConfirmed} onChange={(e) => onConfirmPast(e.currentTarget.checked)} />
          {t('dueConfirmPast')}
        </label>
      )}
    </div>
  );
}

/** The due field of a follow-up kept in a draft: its time and past-confirmation are parts of `value`, each change told on its own. */
export function DraftDueField({ id, value, onChange }: { id: string; value: DraftFollowUp; onChange: (change: Partial<DraftFollowUp>) => void }) {
  return (
    <DueField
      id={id}
      value={value.due}
      onChange={(due) => onChange({ due })}
      pastConfirmed={value.pastConfirmed}
      onConfirmPast={(pastConfirmed) => onChange({ pastConfirmed })}
    />
  );
}
