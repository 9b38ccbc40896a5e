import { parseLocalInputValue, toLocalInputValue } from '../../utils/time/dates';
import { quickPickDue } from '../../utils/time/followup-times';
import { t } from '../../utils/i18n';
import type { DraftFollowUp } from '../../utils/model/drafts';
import { DraftDueField, dueProblem } from './DueField';

/** The quick note's follow-up before the user touches it: not wanted, due tomorrow morning. */
export const freshFollowUp = (now = Date.now()): DraftFollowUp => ({
  wanted: false,
  text: '',
  due: toLocalInputValue(quickPickDue('tomorrow', now)),
  pastConfirmed: false,
});

/** What is wrong with the follow-up, or undefined when it may be saved (or is not wanted). */
export const quickFollowUpProblem = (value: DraftFollowUp): string | undefined => (value.wanted ? dueProblem(value.due, value.pastConfirmed) : undefined);

/** The follow-up to send with the note (the note's first words when no text was given), if wanted. */
export function quickFollowUpRequest(value: DraftFollowUp, noteText: string): { text: string; due: number; confirmPast: boolean } | undefined {
  if (!value.wanted) return undefined;
  return { text: value.text.trim() || noteText.trim().slice(0, 200), due: parseLocalInputValue(value.due)!, confirmPast: value.pastConfirmed };
}

interface Props {
  value: DraftFollowUp;
  /** Told each change on its own (two in a row must not undo each other). */
  onChange: (change: Partial<DraftFollowUp>) => void;
}

/**
 * The quick note's optional follow-up: "follow up on this" for each person the note is for,
 * linked to the note. Controlled: its value is part of the note's draft, so it survives closing.
 */
export function QuickFollowUp({ value, onChange }: Props) {
  const set = onChange;
  return (
    <fieldset class="quick-followup">
      <label class="checkbox">
        <input type="checkbox" checked={value.wanted} onChange={(e) => set({ wanted: e.currentTarget.checked })} />
        {t('followUpAddToggle')}
      </label>
      {value.wanted && (
        <>
          <label for="quick-followup-text">{t('followUpWhat')}</label>
          <input
            id="quick-followup-text"
            value={value.text}
            placeholder={t('followUpWhatPlaceholderQuick')}
            onInput={(e) => set({ text: e.currentTarget.value })}
          />
          <DraftDueField id="quick-followup-due" value={value} onChange={set} />
        </>
      )}
    </fieldset>
  );
}
