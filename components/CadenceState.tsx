import { ask } from '../utils/messaging/client';
import type { Contact } from '../utils/model';
import { CADENCE_LEVEL_LABELS, cadenceDueLabel, cadenceLabel } from './followup-labels';
import { useRequest } from './use-request';
import { useSettingsChanged } from './use-settings-changed';

/**
 * The card's keep-in-touch line: green, amber (from 80% of the cadence) or red (past it), said in
 * words too. Reloads when the person changes: any interaction updates them and resets the clock.
 */
export function CadenceState({ contact }: { contact: Contact }) {
  const cadences = useRequest(
    () => ask({ type: 'getCadences', contactIds: [contact.id] }),
    [contact.id, contact.updatedAt, contact.lastInteractionAt, contact.cadenceDays, contact.tags.join('\n')],
  );
  useSettingsChanged(cadences.reload, []);
  const status = cadences.data?.[contact.id];
  if (!status) return null;
  return (
    <p class={`cadence-state ${status.level}`} role="status" aria-label="Keep in touch">
      <span class={`cadence-dot ${status.level}`} aria-hidden="true" />
      <strong>{CADENCE_LEVEL_LABELS[status.level]}</strong> · Keep in touch {cadenceLabel(status)} · {cadenceDueLabel(status)}
    </p>
  );
}
