import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Contact } from '../../utils/model/records';
import { cadenceDueLabel, cadenceLabel, cadenceLevelLabel } from '../followups/followup-labels';
import { useRequest } from '../shared/use-request';
import { useSettingsChanged } from '../shared/use-settings-changed';

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
    <p class={`cadence-state ${status.level}`} role="status" aria-label={t('cadenceKeepInTouch')}>
      <span class={`cadence-dot ${status.level}`} aria-hidden="true" />
      <strong>{cadenceLevelLabel(status.level)}</strong> · {t('cadenceKeepInTouchEvery', cadenceLabel(status))} · {cadenceDueLabel(status)}
    </p>
  );
}
