import { useRef, useState } from 'preact/hooks';
import { ask } from '../../utils/messaging/client';
import type { Draft, DraftAbout } from '../../utils/model/drafts';
import type { Interaction, LoggableKind } from '../../utils/model/records';
import { t } from '../../utils/i18n';
import { truncateWithMark } from '../../utils/text/truncate';
import { ShareWithTeam, useShareChoice } from '../sync/ShareWithTeam';
import { KindAndExperience } from './KindAndExperience';
import { useDraft } from './use-draft';
import { WhenField, whenOf } from './WhenField';

export interface ComposedEntry {
  text: string;
  kind: LoggableKind;
  experience?: Interaction['experience'];
  /** Stays the same until a save succeeds, so a retry logs once. */
  requestId: string;
  /** When it happened, if the user said (a past interaction); absent: now. */
  at?: number;
  /** The draft it was written in, for the worker to remove with the save. */
  draft?: DraftAbout;
  /** Shared with the user's team (ticked on the composer). */
  shared?: boolean;
}

interface Props {
  /** What the composer writes about (a person): its draft is kept by it, so closing the panel or switching persons loses nothing. */
  draftKey?: DraftAbout;
  onSave: (entry: ComposedEntry) => Promise<void>;
  /** The text field's label for screen readers only (the card's pressed "Note" already heads the box). */
  quietLabel?: boolean;
}

const freshEntry = (): Draft => ({ text: '', kind: 'note', requestId: crypto.randomUUID() });

/** The composer under a card: kind, experience mark, when it was, and text; Add note or Ctrl/Cmd+Enter saves. */
export function NoteComposer({ draftKey, onSave, quietLabel = false }: Props) {
  const key = draftKey && JSON.stringify(draftKey);
  const entry = useDraft(
    draftKey &&
      (async () => {
        const record = await ask({ type: 'getDraft', about: draftKey });
        return { about: draftKey, ...(record && { stored: record.draft }) };
      }),
    [key],
    freshEntry,
  );
  const share = useShareChoice();
  const [error, setError] = useState<string>();
  const saving = useRef(false);
  const [busy, setBusy] = useState(false);
  const draft = entry.draft;
  if (!draft) return <p class="loading">{t('commonLoading')}</p>;
  const text = draft.text;

  const save = async () => {
    // A ref, not state: a double click arrives before the re-render that would disable the button.
    if (saving.current || !text.trim()) return;
    const when = whenOf(draft.when);
    if (when.problem) return setError(when.problem);
    saving.current = true;
    setBusy(true);
    setError(undefined);
    try {
      const { kind = 'note', experience, requestId = crypto.randomUUID() } = draft;
      await onSave({
        text,
        kind,
        requestId,
        ...(experience && { experience }),
        ...(when.at !== undefined && { at: when.at }),
        ...(entry.about && { draft: entry.about }),
        ...(share.shared && { shared: true }),
      });
      entry.reset();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <KindAndExperience
        idPrefix="composer"
        kind={draft.kind ?? 'note'}
        experience={draft.experience}
        onKind={(kind) => entry.update({ kind })}
        onExperience={(experience) => entry.update({ experience })}
      />
      <WhenField id="composer-when" value={draft.when} onChange={(when) => entry.update({ when })} />
      <label for="note-text" class={quietLabel ? 'visually-hidden' : undefined}>
        {t('quickNoteText')}
      </label>
      <textarea
        id="note-text"
        value={text}
        rows={3}
        placeholder={t('composerPlaceholder')}
        onInput={(event) => entry.update({ text: truncateWithMark(event.currentTarget.value).text })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      />
      {(error ?? entry.error) && (
        <p role="alert" class="error">
          {error ?? t('quickNoteDraftNotKept', entry.error!)}
        </p>
      )}
      <ShareWithTeam choice={share} id="composer-share" />
      <button type="submit" disabled={busy || !text.trim()}>
        {t('composerAdd')}
      </button>
    </form>
  );
}
