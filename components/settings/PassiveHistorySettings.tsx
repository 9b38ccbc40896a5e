import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Settings } from '../../utils/model/records';

const SITES = [
  ['gmail', 'passiveGmail'],
  ['outlook', 'passiveOutlook'],
  ['github', 'passiveGitHub'],
  ['linkedin', 'passiveLinkedIn'],
  ['web', 'passiveWeb'],
] as const satisfies readonly (readonly [string, MessageKey])[];

/** Per site: whether Tend records "seen in thread" entries by itself (on unless turned off). */
export function PassiveHistorySettings({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const [error, setError] = useState<string>();
  const toggle = async (site: string, on: boolean) => {
    try {
      onSaved(await ask({ type: 'updateSettings', patch: { passiveHistory: { ...settings.passiveHistory, [site]: on } } }));
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <section aria-labelledby="passive-heading">
      <h2 id="passive-heading">{t('passiveTitle')}</h2>
      <p>{t('passiveIntro')}</p>
      {SITES.map(([site, label]) => (
        <label key={site} class="checkbox">
          <input type="checkbox" checked={settings.passiveHistory[site] !== false} onChange={(e) => void toggle(site, e.currentTarget.checked)} />
          {t(label)}
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
