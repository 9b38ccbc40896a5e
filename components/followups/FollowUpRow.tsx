import { useState } from 'preact/hooks';
import { SNOOZE_LABELS } from '../../utils/time/followup-time-labels';
import type { Snooze } from '../../utils/time/followup-times';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { FollowUpItem } from '../../utils/messaging/features/followups';
import type { FollowUp } from '../../utils/model/records';
import { FollowUpEditor } from './FollowUpEditor';
import { SharedBy } from '../sync/SharedBy';
import { cadenceLevelLabel, whenLabel } from './followup-labels';

interface Props {
  item: FollowUpItem;
  now: number;
  /** Lists of everyone's follow-ups name the person, as a way to their card. */
  onOpenPerson?: (contactId: string) => void;
  /** A follow-up was deleted: the list offers undo (the row itself is gone at the next reload). */
  onDeleted?: (followUp: FollowUp) => void;
  /** The user joined a team: their own follow-ups can be shared with it. */
  inTeam?: boolean;
}

/** One follow-up: what, who, when; Done, snoozes and Edit while open, Undo once done; Delete. All text as text. */
export function FollowUpRow({ item, now, onOpenPerson, onDeleted, inTeam = false }: Props) {
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);
  const act = (request: Promise<unknown>) =>
    request.then(
      () => setError(undefined),
      (failure: Error) => setError(failure.message),
    );
  const named = item.text.slice(0, 40);
  const remove = () =>
    act(
      ask({ type: 'deleteFollowUp', followUpId: item.id }).then((removed) => {
        if (removed) onDeleted?.(removed);
      }),
    );
  const wake = item.snoozedUntil ?? item.due;
  const overdue = !item.done && wake <= now;
  return (
    <li class={`followup${overdue ? ' overdue' : ''}${item.done ? ' done' : ''}`}>
      <div class="followup-meta">
        {onOpenPerson && (
          <button type="button" class="link followup-person" onClick={() => onOpenPerson(item.contactId)}>
            {item.cadence && <span class={`cadence-dot ${item.cadence}`} title={cadenceLevelLabel(item.cadence)} aria-hidden="true" />}
            {item.contactName}
          </button>
        )}
        <time dateTime={new Date(wake).toISOString()}>
          {item.done ? t('followUpsDone') : overdue ? t('followUpDueAt', whenLabel(wake, now)) : whenLabel(wake, now)}
          {!item.done && item.snoozedUntil !== undefined && ` ${t('followUpSnoozed')}`}
        </time>
        <SharedBy shared={item.shared} author={item.author} />
      </div>
      {editing ? <FollowUpEditor followUp={item} onDone={() => setEditing(false)} /> : <p class="followup-text">{item.text}</p>}
      {item.entrySummary && <p class="followup-entry muted">{t('followUpAbout', item.entrySummary)}</p>}
      {!editing && (
        <div class="followup-actions">
          {item.done ? (
            <button type="button" class="link" onClick={() => void act(ask({ type: 'setFollowUpDone', followUpId: item.id, done: false }))}>
              {t('commonUndo')}
            </button>
          ) : (
            <>
              <button
                type="button"
                class="link"
                aria-label={t('followUpMarkDoneNamed', named)}
                onClick={() => void act(ask({ type: 'setFollowUpDone', followUpId: item.id, done: true }))}
              >
                {t('followUpMarkDone')}
              </button>
              {/* Only what is due can be put off: snoozing a later follow-up would bring it forward. */}
              {overdue &&
                (Object.keys(SNOOZE_LABELS) as Snooze[]).map((snooze) => (
                  <button key={snooze} type="button" class="link" onClick={() => void act(ask({ type: 'snoozeFollowUp', followUpId: item.id, snooze }))}>
                    {t(SNOOZE_LABELS[snooze])}
                  </button>
                ))}
              {/* A teammate's follow-up is theirs to change. */}
              {item.author === undefined && (
                <button type="button" class="link" aria-label={t('followUpEditNamed', named)} onClick={() => setEditing(true)}>
                  {t('followUpEdit')}
                </button>
              )}
            </>
          )}
          <button type="button" class="link" aria-label={t('followUpDeleteNamed', named)} onClick={() => void remove()}>
            {t('followUpDelete')}
          </button>
          {inTeam && !item.shared && item.author === undefined && (
            <button
              type="button"
              class="link"
              aria-label={t('teamShareEntryNamed', named)}
              onClick={() => void act(ask({ type: 'shareFollowUp', followUpId: item.id }))}
            >
              {t('teamShareEntry')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </li>
  );
}
