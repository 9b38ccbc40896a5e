import { t } from '../../utils/i18n';
import type { FollowUpItem } from '../../utils/messaging/features/followups';
import { FollowUpRow } from './FollowUpRow';

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
  empty,
}: {
  label: string;
  items: FollowUpItem[];
  now: number;
  onOpenPerson?: Props['onOpenPerson'];
  empty?: string;
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
            <FollowUpRow key={item.id} item={item} now={now} onOpenPerson={onOpenPerson} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Follow-ups in the lists the user works from: due and overdue, upcoming, later, done. */
export function FollowUpLists({ groups, now, onOpenPerson, doneShown = 30, quiet = false }: Props) {
  return (
    <div class="followup-lists">
      <Section label={t('followUpListDue')} items={groups.due} now={now} onOpenPerson={onOpenPerson} empty={quiet ? undefined : t('followUpListNothingDue')} />
      <Section label={t('followUpListUpcoming')} items={groups.upcoming} now={now} onOpenPerson={onOpenPerson} />
      <Section label={t('followUpListLater')} items={groups.later} now={now} onOpenPerson={onOpenPerson} />
      <Section label={t('followUpListDone')} items={groups.done.slice(0, doneShown)} now={now} onOpenPerson={onOpenPerson} />
    </div>
  );
}
