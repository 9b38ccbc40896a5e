import { useEffect, useRef, useState } from 'preact/hooks';
import { clearDraft, emptyDraft, loadDraft, saveDraft, type Draft } from '../../utils/storage/drafts';
import { ask } from '../../utils/messaging/client';
import type { Contact, Interaction } from '../../utils/model/records';
import { t } from '../../utils/i18n';
import { truncateWithMark } from '../../utils/text/truncate';
import { entrySummaryText, kindLabel } from '../shared/labels';
import { KindAndExperience } from './KindAndExperience';
import { PeoplePicker } from './PeoplePicker';
import { useQuickFollowUp } from '../followups/QuickFollowUp';

interface Props {
  tabId: number;
  /** People recognised on the tab: chosen by default until the user picks others. */
  pagePeople: string[];
}

/** A quick note for one or several people; the draft is saved on every change, per tab. */
export function QuickNote({ tabId, pagePeople }: Props) {
  const [draft, setDraft] = useState<Draft>();
  const [people, setPeople] = useState<Contact[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [saved, setSaved] = useState<{ names: string; recent: Interaction[] }>();
  const saving = useRef(false);
  const followUp = useQuickFollowUp();

  useEffect(() => {
    void loadDraft(tabId).then((stored) => setDraft(stored ?? emptyDraft(pagePeople)));
  }, [tabId]);
  // Until the user picks people, the note is for whoever the page shows (they arrive a moment later).
  useEffect(() => {
    if (draft && !draft.peopleChosen && pagePeople.join() !== draft.contactIds.join()) update({ contactIds: pagePeople }, false);
  }, [pagePeople.join(), draft?.peopleChosen]);
  useEffect(() => {
    if (draft) void ask({ type: 'getContacts', contactIds: draft.contactIds }).then(setPeople);
  }, [draft?.contactIds.join()]);

  if (!draft) return <p class="loading">{t('commonLoading')}</p>;

  function update(change: Partial<Draft>, persist = true) {
    setDraft((current) => {
      const next = { ...(current ?? emptyDraft()), ...change };
      // Only what the user wrote or chose is worth keeping; an untouched draft is not stored.
      if (persist) void saveDraft(tabId, next).catch((e: Error) => setError(t('quickNoteDraftNotKept', e.message)));
      return next;
    });
  }

  const save = async () => {
    if (saving.current) return;
    if (draft.contactIds.length === 0) return setError(t('quickNoteChoosePeople'));
    if (!draft.text.trim()) return setError(t('quickNoteWriteFirst'));
    const followUpProblem = followUp.problem();
    if (followUpProblem) return setError(followUpProblem);
    saving.current = true;
    setError(undefined);
    try {
      const { contactIds, kind, text, experience, source, requestId } = draft;
      const entry = await ask({ type: 'logInteraction', contactIds, kind, text, requestId, ...(experience && { experience }), ...(source && { source }) });
      await followUp.createFor(contactIds, text, entry.id);
      await clearDraft(tabId);
      const recent = await ask({ type: 'recentEntries', contactIds, limit: 3 });
      setSaved({ names: people.map((p) => p.displayName).join(', '), recent });
      setNotice(undefined);
      setDraft(emptyDraft(pagePeople));
    } catch (failure) {
      // The draft stays as it was: nothing the user wrote is lost.
      setError(t('quickNoteNotSaved', failure instanceof Error ? failure.message : String(failure)));
    } finally {
      saving.current = false;
    }
  };

  return (
    <form
      class="quick-note"
      aria-label={t('quickNoteLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <PeoplePicker
        selected={people}
        onChange={(chosen) => {
          setPeople(chosen);
          update({ contactIds: chosen.map((c) => c.id), peopleChosen: true });
        }}
      />
      <KindAndExperience
        idPrefix="note"
        kind={draft.kind}
        experience={draft.experience}
        onKind={(kind) => update({ kind })}
        onExperience={(experience) => update({ experience })}
      />
      <label for="quick-note-text">{t('quickNoteText')}</label>
      <textarea
        id="quick-note-text"
        rows={4}
        value={draft.text}
        placeholder={t('quickNotePlaceholder')}
        onInput={(e) => {
          const { text, cut } = truncateWithMark(e.currentTarget.value);
          setNotice(cut > 0 ? t('quickNoteCut') : undefined);
          update({ text });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      {followUp.element}
      {notice && <p class="notice">{notice}</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit">{t('commonSave')}</button>
      {saved && (
        <section role="status" aria-label={t('quickNoteSaved')} class="saved">
          <p>{t('quickNoteSavedFor', saved.names)}</p>
          <ul aria-label={t('quickNoteLatest')}>
            {saved.recent.map((entry) => (
              <li key={entry.id}>
                <span class="muted">{kindLabel(entry.kind)}</span> {entrySummaryText(entry)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </form>
  );
}
