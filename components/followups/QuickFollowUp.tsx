import { useRef, useState } from 'preact/hooks';
import { parseLocalInputValue, toLocalInputValue } from '../../utils/time/dates';
import { quickPickDue } from '../../utils/time/followup-times';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { DueField, dueProblem } from './DueField';

/**
 * The quick note's optional follow-up: "follow up on this" for each person the note is for,
 * linked to the note. Returns the fields to show, a check to run before saving, and the save.
 */
export function useQuickFollowUp() {
  const [wanted, setWanted] = useState(false);
  const [text, setText] = useState('');
  const [dueValue, setDueValue] = useState(() => toLocalInputValue(quickPickDue('tomorrow', Date.now())));
  const [pastConfirmed, setPastConfirmed] = useState(false);
  // One id per person until saved: a retry after a failure creates each follow-up once.
  const ids = useRef(new Map<string, string>());

  const problem = (): string | undefined => (wanted ? dueProblem(dueValue, pastConfirmed) : undefined);

  const createFor = async (contactIds: string[], noteText: string, entryId: string): Promise<void> => {
    if (!wanted) return;
    const due = parseLocalInputValue(dueValue)!;
    const what = text.trim() || noteText.trim().slice(0, 200);
    for (const contactId of contactIds) {
      if (!ids.current.has(contactId)) ids.current.set(contactId, crypto.randomUUID());
      await ask({ type: 'createFollowUp', id: ids.current.get(contactId)!, contactId, text: what, due, entryId, confirmPast: pastConfirmed });
    }
    ids.current.clear();
    setWanted(false);
    setText('');
    setPastConfirmed(false);
  };

  const element = (
    <fieldset class="quick-followup">
      <label class="checkbox">
        <input type="checkbox" checked={wanted} onChange={(e) => setWanted(e.currentTarget.checked)} />
        {t('followUpAddToggle')}
      </label>
      {wanted && (
        <>
          <label for="quick-followup-text">{t('followUpWhat')}</label>
          <input id="quick-followup-text" value={text} placeholder={t('followUpWhatPlaceholderQuick')} onInput={(e) => setText(e.currentTarget.value)} />
          <DueField id="quick-followup-due" value={dueValue} onChange={setDueValue} pastConfirmed={pastConfirmed} onConfirmPast={setPastConfirmed} />
        </>
      )}
    </fieldset>
  );
  return { element, problem, createFor };
}
