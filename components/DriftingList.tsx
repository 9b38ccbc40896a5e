import { ask } from '../utils/messaging/client';
import { CADENCE_LEVEL_LABELS, cadenceDueLabel, cadenceLabel } from './followup-labels';
import { useBroadcast } from './use-broadcast';
import { useRequest } from './use-request';
import { useSettingsChanged } from './use-settings-changed';

/** People past their keep-in-touch cadence, the furthest drifted first. */
export function DriftingList({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const drifting = useRequest(() => ask({ type: 'listDrifting', limit: 100 }), []);
  useBroadcast(() => drifting.reload(), []);
  useSettingsChanged(drifting.reload, []);
  if (drifting.error) return <p role="alert" class="error">{drifting.error}</p>;
  if (!drifting.data) return <p class="loading">Loading…</p>;
  if (drifting.data.length === 0) {
    return <p class="empty">Nobody is past their keep-in-touch cadence. Set one on a person’s card, or per tag in the settings.</p>;
  }
  return (
    <ul class="drifting" aria-label="Drifting">
      {drifting.data.map((person) => (
        <li key={person.id}>
          <button type="button" class="person" onClick={() => onOpenPerson(person.id)}>
            <span class="person-name">
              <span class={`cadence-dot ${person.status.level}`} aria-hidden="true" />
              {person.displayName}
            </span>
            <span class="person-address">
              {CADENCE_LEVEL_LABELS[person.status.level]}: {cadenceDueLabel(person.status)}, {cadenceLabel(person.status)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
