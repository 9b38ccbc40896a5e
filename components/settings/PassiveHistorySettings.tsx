import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Settings } from '../../utils/model/records';
import { PASSIVE_HISTORY_SITES, passiveHistoryOn } from '../../utils/sites';

/** Per site: whether Tend records "seen in thread" entries by itself (on unless turned off); for a calendar, whether it logs meetings after they end (off unless turned on). */
export function PassiveHistorySettings({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const [error, setError] = useState<string>();
  // A box the user just changed shows their choice while it saves: settings read again meanwhile
  // (another change announced by the worker) must not flip it back.
  const [saving, setSaving] = useState<Record<string, boolean>>({});
  const toggle = async (site: string, on: boolean) => {
    setSaving((boxes) => ({ ...boxes, [site]: on }));
    try {
      onSaved(await ask({ type: 'updateSettings', patch: { passiveHistory: { ...settings.passiveHistory, [site]: on } } }));
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(({ [site]: _done, ...others }) => others);
    }
  };
  return (
    <section aria-labelledby="passive-heading">
      <h2 id="passive-heading">{t('passiveTitle')}</h2>
      <p>{t('passiveIntro')}</p>
      {PASSIVE_HISTORY_SITES.map((site) => (
        <label key={site.id} class="checkbox">
          <input
            type="checkbox"
            checked={saving[site.id] ?? passiveHistoryOn(site, settings.passiveHistory)}
            onChange={(e) => void toggle(site.id, e.currentTarget.checked)}
          />
          {site.calendar ? t('passiveCalendarAutoLog', t(site.label)) : t(site.label)}
        </label>
      ))}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
