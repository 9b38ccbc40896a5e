import { parseLocalInputValue, toLocalInputValue } from '../../utils/time/dates';
import { t } from '../../utils/i18n';
import { FUTURE_GRACE_MS, whenProblem } from '../../utils/services/capture/when';

/** The instant a "When was it?" value names (undefined: now), or the reason it cannot be used. */
export function whenOf(value: string | undefined, now = Date.now()): { at?: number; problem?: string } {
  if (value === undefined || value === '') return {};
  const at = parseLocalInputValue(value);
  if (at === undefined) return { problem: t('dueNotADate') };
  const problem = whenProblem(at, now);
  return problem ? { problem: t(problem) } : { at };
}

interface Props {
  id: string;
  /** As typed; undefined until the user changes it (it then shows now). */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/** "When was it?": a past interaction's date and time, now unless the user says otherwise. */
export function WhenField({ id, value, onChange }: Props) {
  const problem = whenOf(value).problem;
  return (
    <div class="when-field">
      <label for={id}>{t('composerWhen')}</label>
      <input
        id={id}
        type="datetime-local"
        value={value ?? toLocalInputValue(Date.now())}
        max={toLocalInputValue(Date.now() + FUTURE_GRACE_MS)}
        aria-invalid={problem !== undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      {value !== undefined && (
        <button type="button" class="link" onClick={() => onChange(undefined)}>
          {t('composerWhenNow')}
        </button>
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" class="error">
          {problem}
        </p>
      )}
    </div>
  );
}
