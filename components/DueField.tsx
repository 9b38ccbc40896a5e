import { parseLocalInputValue, toLocalInputValue } from '../utils/dates';
import { isInThePast, QUICK_PICKS, quickPickDue, type QuickPick } from '../utils/followup-times';

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
  if (due === undefined) return 'Pick a date and time that exists.';
  if (isInThePast(due, now) && !pastConfirmed) return 'That time has passed: confirm it, or pick a later time.';
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
      <label for={id}>Due</label>
      <input
        id={id}
        type="datetime-local"
        value={value}
        onInput={(e) => {
          onChange(e.currentTarget.value);
          onConfirmPast(false);
        }}
      />
      <div class="quick-picks" role="group" aria-label="Quick picks">
        {(Object.keys(QUICK_PICKS) as QuickPick[]).map((choice) => (
          <button key={choice} type="button" class="secondary" onClick={() => pick(choice)}>
            {QUICK_PICKS[choice]}
          </button>
        ))}
      </div>
      {past && (
        <label class="checkbox past-confirm">
          <input type="checkbox" checked={pastConfirmed} onChange={(e) => onConfirmPast(e.currentTarget.checked)} />
          That time has passed. Add it anyway, as due now
        </label>
      )}
    </div>
  );
}
