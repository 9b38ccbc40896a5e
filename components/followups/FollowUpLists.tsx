import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { FollowUpItem } from '../../utils/messaging/features/followups';
import type { FollowUp } from '../../utils/model/records';
import { FollowUpRow } from './FollowUpRow';
import { useTeam } from '../sync/SharedBy';
import './followup-edit.css';

/** Follow-ups as the background groups them. */
export interface Groups {
  due: FollowUpItem[];
  upcoming: FollowUpItem[];
  later: FollowUpItem[];
  done: FollowUpItem[];
}

interface Props {
  groups: Groups;
  now: number;
  onOpenPerson?: (contactId: string) => void;
  /** How many done follow-ups to show. */
  doneShown?: number;
  /** Leave out the "Nothing due" line (a card with no follow-ups stays short). */
  quiet?: boolean;
}

function Section({
  label,
  items,
  now,
  onOpenPerson,
  onDeleted,
  empty,
  inTeam,
}: {
  label: string;
  items: FollowUpItem[];
  now: number;
  onOpenPerson?: Props['onOpenPerson'];
  onDeleted: (followUp: FollowUp) => void;
  empty?: string;
  inTeam: boolean;
}) {
  if (items.length === 0 && !empty) return null;
  return (
    <section class="followup-section" aria-label={label}>
      <h3>
        {label} <span class="count">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="followups" aria-label={label}>
          {items.map((item) => (
            <FollowUpRow key={item.id} item={item} now={now} onOpenPerson={onOpenPerson} onDeleted={onDeleted} inTeam={inTeam} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The follow-up deleted last from these lists, with Undo (the page keeps the record to put back). */
function DeletedFollowUp({ followUp, onUndone }: { followUp: FollowUp; onUndone: () => void }) {
  const [error, setError] = useState<string>();
  const undo = () => ask({ type: 'restoreFollowUp', followUp }).then(onUndone, (failure: Error) => setError(failure.message));
  return (
    <>
      <p role="status" class="notice followup-deleted">
        {t('followUpDeleted', followUp.text.slice(0, 80))}
        <button type="button" class="link" onClick={() => void undo()}>
          {t('commonUndo')}
        </button>
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}

/** Follow-ups in the lists the user works from: due and overdue, upcoming, later, done. */
export function FollowUpLists({ groups, now, onOpenPerson, doneShown = 30, quiet = false }: Props) {
  const [deleted, setDeleted] = useState<FollowUp>();
  const shared = { now, onOpenPerson, onDeleted: setDeleted, inTeam: useTeam() !== undefined };
  return (
    <div class="followup-lists">
      {deleted && <DeletedFollowUp key={deleted.id} followUp={deleted} onUndone={() => setDeleted(undefined)} />}
      <Section label={t('followUpListDue')} items={groups.due} {...shared} empty={quiet ? undefined : t('followUpListNothingDue')} />
      <Section label={t('followUpListUpcoming')} items={groups.upcoming} {...shared} />
      <Section label={t('followUpListLater')} items={groups.later} {...shared} />
      <Section label={t('followUpListDone')} items={groups.done.slice(0, doneShown)} {...shared} />
    </div>
  );
}
