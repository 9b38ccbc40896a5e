import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { dateFormat, t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { DraftAbout } from '../../utils/model/drafts';
import type { Interaction } from '../../utils/model/records';
import { localDay } from '../../utils/time/local-day';
import { entrySummaryText, experienceLabel, kindLabel } from '../shared/labels';
import { FollowUpOnEntry } from '../followups/FollowUpOnEntry';
import { useDraftAbout } from '../capture/use-draft';
import { SharedBy } from '../sync/SharedBy';

/** Only http(s) links are followed: a page-supplied `javascript:` URL is shown as text. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);
/** Entries Tend recorded itself are facts: they cannot be edited or deleted; a teammate's shared entry is theirs. */
const isEditable = (entry: Interaction) => entry.kind !== 'sighting' && entry.kind !== 'stage' && entry.author === undefined;

const dayFormat = dateFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = dateFormat({ hour: '2-digit', minute: '2-digit' });

/** "Today", "Yesterday" or the date, for a day heading. */
function dayLabel(at: number, now: number): string {
  const day = localDay(at);
  if (day === localDay(now)) return t('timelineToday');
  if (day === localDay(now - 86_400_000)) return t('timelineYesterday');
  return dayFormat().format(at);
}

export interface EntryActions {
  onEdit: (entry: Interaction, text: string) => Promise<void>;
  onDelete: (entry: Interaction) => Promise<void>;
  /** Share the entry with the user's team; absent when they joined none. */
  onShare?: ((entry: Interaction) => Promise<void>) | undefined;
}

/** Edit an entry's text; what is typed is a draft (editing the entry again brings it back), removed on save or cancel. */
function EntryEditor({ entry, onEdit, onDone }: { entry: Interaction; onEdit: EntryActions['onEdit']; onDone: () => void }) {
  const about: DraftAbout = { kind: 'entry', interactionId: entry.id };
  const typed = useDraftAbout(about, () => ({ text: entry.summary }));
  const [error, setError] = useState<string>();
  const text = typed.draft?.text;
  if (text === undefined) return <p class="loading">{t('commonLoading')}</p>;
  const finish = () => {
    typed.reset();
    void ask({ type: 'discardDraft', about }).catch(() => undefined);
    onDone();
  };
  return (
    <form
      class="entry-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onEdit(entry, text).then(finish, (failure: Error) => setError(failure.message));
      }}
    >
      <label for={`edit-${entry.id}`} class="visually-hidden">
        {t('timelineEditEntry')}
      </label>
      <textarea id={`edit-${entry.id}`} value={text} rows={3} onInput={(e) => typed.update({ text: e.currentTarget.value })} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit">{t('commonSave')}</button>
      <button type="button" onClick={finish}>
        {t('commonCancel')}
      </button>
    </form>
  );
}

/** "Share with the team" on an entry's actions; a refusal is said beside it. */
function ShareEntryButton({ entry, onShare }: { entry: Interaction; onShare: NonNullable<EntryActions['onShare']> }) {
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        class="link"
        onClick={() => onShare(entry).catch((failure: Error) => setError(failure.message))}
        aria-label={t('teamShareEntryNamed', entry.summary.slice(0, 40))}
      >
        {t('teamShareEntry')}
      </button>
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
    </>
  );
}

function Entry({ entry, actions }: { entry: Interaction; actions?: EntryActions }) {
  const [editing, setEditing] = useState(false);
  const href = entry.source && safeHref(entry.source.url);
  return (
    <li class={`entry entry-${entry.kind}`}>
      <div class="entry-meta">
        <span class="entry-kind">{kindLabel(entry.kind)}</span>
        <time dateTime={new Date(entry.at).toISOString()}>{timeFormat().format(entry.at)}</time>
        {entry.experience && <span class={`experience ${entry.experience}`}>{experienceLabel(entry.experience)}</span>}
        {entry.editedAt && <span class="muted">{t('timelineEdited')}</span>}
        <SharedBy shared={entry.shared} author={entry.author} />
      </div>
      {editing && actions ? (
        <EntryEditor entry={entry} onEdit={actions.onEdit} onDone={() => setEditing(false)} />
      ) : href ? (
        <a class="entry-summary" href={href} target="_blank" rel="noreferrer">
          {entry.summary}
        </a>
      ) : (
        <p class="entry-summary">{entrySummaryText(entry)}</p>
      )}
      {actions && isEditable(entry) && !editing && (
        <div class="entry-actions">
          <button type="button" class="link" onClick={() => setEditing(true)} aria-label={t('timelineEditNamed', entry.summary.slice(0, 40))}>
            {t('timelineEdit')}
          </button>
          <button type="button" class="link" onClick={() => void actions.onDelete(entry)} aria-label={t('timelineDeleteNamed', entry.summary.slice(0, 40))}>
            {t('timelineDelete')}
          </button>
          {actions.onShare && !entry.shared && <ShareEntryButton entry={entry} onShare={actions.onShare} />}
        </div>
      )}
      {actions && !editing && <FollowUpOnEntry entry={entry} />}
    </li>
  );
}

/**
 * An entry renders again only when it or the actions change: appending a page to a long history
 * then renders that page, not every entry above it (at 5,000 entries that took 95-135 ms of CPU a
 * page). A class rather than preact/compat's memo, whose import changes how every element is made.
 */
class ShownEntry extends Component<{ entry: Interaction; actions?: EntryActions }> {
  shouldComponentUpdate(next: { entry: Interaction; actions?: EntryActions }): boolean {
    return next.entry !== this.props.entry || next.actions !== this.props.actions;
  }

  render() {
    return <Entry entry={this.props.entry} actions={this.props.actions} />;
  }
}

/** A person's history newest first, grouped by day, with edit and delete for what the user wrote. */
export function TimelineList({ entries, actions, now = Date.now() }: { entries: Interaction[]; actions?: EntryActions; now?: number }) {
  if (entries.length === 0) return <p class="empty">{t('timelineEmpty')}</p>;
  const days: { label: string; entries: Interaction[] }[] = [];
  let lastDay: string | undefined;
  for (const entry of entries) {
    // The date is formatted once per day, not per entry: a long history re-groups on every page.
    const day = localDay(entry.at);
    if (day === lastDay) days.at(-1)!.entries.push(entry);
    else days.push({ label: dayLabel(entry.at, now), entries: [entry] });
    lastDay = day;
  }
  return (
    <div class="timeline">
      {days.map((day) => (
        <section key={day.label} aria-label={day.label}>
          <h4 class="day">{day.label}</h4>
          <ol class="entries" aria-label={t('timelineLabel')}>
            {day.entries.map((entry) => (
              <ShownEntry key={entry.id} entry={entry} actions={actions} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
