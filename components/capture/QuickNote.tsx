import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../utils/messaging/client';
import type { Draft, ListedPerson } from '../../utils/model/drafts';
import type { Contact, Interaction } from '../../utils/model/records';
import { t } from '../../utils/i18n';
import { truncateWithMark } from '../../utils/text/truncate';
import { entrySummaryText, kindLabel } from '../shared/labels';
import { KindAndExperience } from './KindAndExperience';
import { PeoplePicker } from './PeoplePicker';
import { PagePeopleChoices, type PagePerson } from './PagePeopleChoices';
import { QuickFollowUp, freshFollowUp, quickFollowUpProblem, quickFollowUpRequest } from '../followups/QuickFollowUp';
import { useDraft } from './use-draft';
import { WhenField, whenOf } from './WhenField';
import { ShareWithTeam, useShareChoice } from '../sync/ShareWithTeam';

interface Props {
  tabId: number;
  /** The people recognised on the tab: offered as one-click choices. */
  pagePeople: PagePerson[];
  /** Who the note is for until the user picks: the open card's person, or the one correspondent. */
  preselect?: string[];
  /** Finish "Log this interaction" (its own draft), rather than the popup's note on the page. */
  fromMenu?: boolean;
}

const freshNote = (contactIds: string[]): Draft => ({
  text: '',
  kind: 'note',
  contactIds,
  peopleChosen: false,
  requestId: crypto.randomUUID(),
  followUp: freshFollowUp(),
});

/** What tells a listed person apart: their address, else their profile URL, else their name. */
const listedKey = (person: ListedPerson) => person.email ?? person.profileUrl ?? person.displayName ?? '';
const sameListed = (a: ListedPerson, b: ListedPerson) => listedKey(a) === listedKey(b);
const listedName = (person: ListedPerson) => person.displayName || listedKey(person);

/**
 * A quick note for one or several people. Its draft (text, people, kind, follow-up) is about the
 * tab's page, kept by the worker on every change, and removed by the worker when the note is saved.
 */
export function QuickNote({ tabId, pagePeople, preselect = [], fromMenu = false }: Props) {
  const note = useDraft(
    async () => {
      const { about, record } = await ask({ type: 'getTabDraft', tabId, slot: fromMenu ? 'menu' : 'page' });
      return { about, ...(record && { stored: record.draft }) };
    },
    [tabId, fromMenu],
    () => freshNote(preselect),
  );
  const draft = note.draft;
  const contactIds = draft?.contactIds ?? [];
  const listed = draft?.listed ?? [];
  const [people, setPeople] = useState<Contact[]>([]);
  // As on the card's composer: offered when the user joined a team, their last choice remembered.
  const share = useShareChoice();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [saved, setSaved] = useState<{ names: string; recent: Interaction[] }>();
  const saving = useRef(false);

  // Until the user picks people, the note is for whoever is preselected (they arrive a moment later).
  useEffect(() => {
    if (draft && !draft.peopleChosen && preselect.join() !== contactIds.join()) note.update({ contactIds: preselect }, false);
  }, [preselect.join(), draft?.peopleChosen, note.about]);
  useEffect(() => {
    if (draft) void ask({ type: 'getContacts', contactIds }).then(setPeople);
  }, [contactIds.join()]);

  if (!draft) return <p class="loading">{t('commonLoading')}</p>;
  const followUp = draft.followUp ?? freshFollowUp();

  const save = async () => {
    if (saving.current) return;
    if (contactIds.length === 0 && listed.length === 0) return setError(t('quickNoteChoosePeople'));
    if (!draft.text.trim()) return setError(t('quickNoteWriteFirst'));
    const when = whenOf(draft.when);
    if (when.problem) return setError(when.problem);
    const followUpProblem = quickFollowUpProblem(followUp);
    if (followUpProblem) return setError(followUpProblem);
    saving.current = true;
    setError(undefined);
    try {
      const { kind = 'note', text, experience, source, requestId = crypto.randomUUID() } = draft;
      const followUpRequest = quickFollowUpRequest(followUp, text);
      // The worker removes the draft in the transaction that saves the note, and adds the follow-ups.
      const entry = await ask({
        type: 'logInteraction',
        contactIds,
        kind,
        text,
        requestId,
        ...(note.about && { draft: note.about }),
        ...(listed.length > 0 && { listed, fromTab: tabId }),
        ...(experience && { experience }),
        ...(source && { source }),
        ...(when.at !== undefined && { at: when.at }),
        ...(followUpRequest && { followUp: followUpRequest }),
        ...(share.shared && { shared: true }),
      });
      note.reset(freshNote(preselect));
      const recent = await ask({ type: 'recentEntries', contactIds: entry.contactIds, limit: 3 });
      setSaved({ names: [...people.map((p) => p.displayName), ...listed.map(listedName)].join(', '), recent });
      setNotice(undefined);
    } catch (failure) {
      // The draft stays as it was: nothing the user wrote is lost.
      setError(t('quickNoteNotSaved', failure instanceof Error ? failure.message : String(failure)));
    } finally {
      saving.current = false;
    }
  };
  // A person the page only listed stays unsaved until the note is: the worker saves them with it,
  // with everything the page showed of them (closing the popup without saving saves nobody).
  const chooseFromPage = ({ contactId, displayName, email, profileUrl }: PagePerson) => {
    if (contactId) return note.update((current) => ({ contactIds: [...(current.contactIds ?? []), contactId], peopleChosen: true }));
    const person: ListedPerson = { displayName, ...(email && { email }), ...(profileUrl && { profileUrl }) };
    note.update((current) => ({ listed: [...(current.listed ?? []).filter((other) => !sameListed(other, person)), person], peopleChosen: true }));
  };
  const choose = (chosen: Contact[]) => {
    setPeople(chosen);
    note.update({ contactIds: chosen.map((c) => c.id), peopleChosen: true });
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
        onChange={choose}
        listed={listed.map((person) => ({
          key: listedKey(person),
          name: listedName(person),
          onRemove: () => note.update((current) => ({ listed: (current.listed ?? []).filter((other) => !sameListed(other, person)), peopleChosen: true })),
        }))}
      />
      <PagePeopleChoices
        people={pagePeople.filter((person) => (person.contactId ? !contactIds.includes(person.contactId) : !listed.some((other) => sameListed(other, person))))}
        onChoose={chooseFromPage}
      />
      <KindAndExperience
        idPrefix="note"
        kind={draft.kind ?? 'note'}
        experience={draft.experience}
        onKind={(kind) => note.update({ kind })}
        onExperience={(experience) => note.update({ experience })}
      />
      <WhenField id="note-when" value={draft.when} onChange={(when) => note.update({ when })} />
      <label for="quick-note-text">{t('quickNoteText')}</label>
      <textarea
        id="quick-note-text"
        rows={4}
        value={draft.text}
        placeholder={t('quickNotePlaceholder')}
        onInput={(e) => {
          const { text, cut } = truncateWithMark(e.currentTarget.value);
          setNotice(cut > 0 ? t('quickNoteCut') : undefined);
          note.update({ text });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <QuickFollowUp
        value={followUp}
        onChange={(change) => note.update((current) => ({ followUp: { ...(current.followUp ?? freshFollowUp()), ...change } }))}
      />
      <ShareWithTeam choice={share} id="quick-note-share" />
      {notice && <p class="notice">{notice}</p>}
      {(error ?? note.error) && (
        <p role="alert" class="error">
          {error ?? t('quickNoteDraftNotKept', note.error!)}
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
