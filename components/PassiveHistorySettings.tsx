import { useState } from 'preact/hooks';
import { ask } from '../utils/messaging/client';
import type { Settings } from '../utils/model';

const SITES = [
  ['gmail', 'Gmail'],
  ['outlook', 'Outlook on the web'],
  ['github', 'GitHub profiles'],
  ['linkedin', 'LinkedIn profiles'],
  ['web', 'Other pages you let Tend read'],
] as const;

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
      <h2 id="passive-heading">Automatic history</h2>
      <p>Where Tend notes by itself that you saw someone (in a mail thread). People are still listed on the page when this is off.</p>
      {SITES.map(([site, label]) => (
        <label key={site} class="checkbox">
          <input type="checkbox" checked={settings.passiveHistory[site] !== false} onChange={(e) => void toggle(site, e.currentTarget.checked)} />
          {label}
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
