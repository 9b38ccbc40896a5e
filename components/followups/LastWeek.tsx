import { t } from '../../utils/i18n';
import type { Overview } from '../../utils/messaging/features/followups';

type PersonRef = Overview['won'][number];

function Names({ label, people, onOpenPerson }: { label: string; people: PersonRef[]; onOpenPerson: (id: string) => void }) {
  if (people.length === 0) return null;
  return (
    <li>
      {label}:{' '}
      {people.slice(0, 8).map((person, i) => (
        <span key={person.id}>
          {i > 0 && ', '}
          <button type="button" class="link" onClick={() => onOpenPerson(person.id)}>
            {person.displayName}
          </button>
        </span>
      ))}
    </li>
  );
}

/** What changed in the last seven days, against the seven before them. */
export function LastWeek({ week, onOpenPerson }: { week: Overview['lastWeek']; onOpenPerson: (id: string) => void }) {
  const stageChanges = week.won.length + week.lost.length + week.grown.length;
  return (
    <section aria-labelledby="last-week-heading">
      <h3 id="last-week-heading">{t('overviewSinceLastWeek')}</h3>
      <ul class="last-week">
        <li>{t('overviewLastWeekInteractions', week.interactions, week.interactionsWeekBefore)}</li>
        <li>{t('overviewLastWeekPeople', week.peopleInTouch, week.peopleInTouchWeekBefore)}</li>
        <li>{t('overviewLastWeekNew', week.newPeople)}</li>
        <Names label={t('overviewWon')} people={week.won} onOpenPerson={onOpenPerson} />
        <Names label={t('overviewLost')} people={week.lost} onOpenPerson={onOpenPerson} />
        <Names label={t('overviewGrown')} people={week.grown} onOpenPerson={onOpenPerson} />
        {stageChanges === 0 && <li>{t('overviewLastWeekNoStage')}</li>}
      </ul>
    </section>
  );
}
