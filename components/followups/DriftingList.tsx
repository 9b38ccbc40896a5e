import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { cadenceDueLabel, cadenceLabel, cadenceLevelLabel } from './followup-labels';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';
import { useSettingsChanged } from '../shared/use-settings-changed';

/** People past their keep-in-touch cadence, the furthest drifted first. */
export function DriftingList({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const drifting = useRequest(() => ask({ type: 'listDrifting', limit: 100 }), []);
  useBroadcast(() => drifting.reload(), []);
  useSettingsChanged(drifting.reload, []);
  if (drifting.error)
    return (
      <p role="alert" class="error">
        {drifting.error}
      </p>
    );
  if (!drifting.data) return <p class="loading">{t('commonLoading')}</p>;
  if (drifting.data.length === 0) {
    return <p class="empty">{t('driftingEmpty')}</p>;
  }
  return (
    <ul class="drifting" aria-label={t('driftingList')}>
      {drifting.data.map((person) => (
        <li key={person.id}>
          <button type="button" class="person" onClick={() => onOpenPerson(person.id)}>
            <span class="person-name">
              <span class={`cadence-dot ${person.status.level}`} aria-hidden="true" />
              {person.displayName}
            </span>
            <span class="person-address">
              {t('driftingPerson', cadenceLevelLabel(person.status.level), cadenceDueLabel(person.status), cadenceLabel(person.status))}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
