import { useEffect, useState } from 'preact/hooks';
import { CadenceSettings } from '../../components/CadenceSettings';
import { DangerZone } from '../../components/DangerZone';
import { EditableList } from '../../components/EditableList';
import { ExportData } from '../../components/ExportData';
import { ImportData } from '../../components/ImportData';
import { PassiveHistorySettings } from '../../components/PassiveHistorySettings';
import { RemovalWarning } from '../../components/RemovalWarning';
import { ShortcutList } from '../../components/ShortcutList';
import { SiteList } from '../../components/SiteList';
import { StorageInfo } from '../../components/StorageInfo';
import type { Settings } from '../../utils/model';
import { parseAddressEntry, parseHostEntry } from '../../utils/settings-entries';
import { ask } from '../../utils/messaging/client';
import { loadSettings } from '../../utils/settings';
import { optionsDb } from './open-db';

/** Settings: the user's addresses, what Tend never records, which sites it reads; and the user's data. */
export function App() {
  const [settings, setSettings] = useState<Settings>();
  // Bumped after a bulk change (import, restore, delete) so the data sections read again.
  const [generation, setGeneration] = useState(0);
  useEffect(() => void loadSettings().then(setSettings), []);
  const dataChanged = () => setGeneration((g) => g + 1);
  if (!settings) return <main class="options">Loading…</main>;

  // Only the fields changed go to the background, which applies them to the latest settings.
  const update = async (next: Settings) => {
    const patch = Object.fromEntries(Object.entries(next).filter(([key, value]) => key !== 'version' && value !== settings[key as keyof Settings]));
    setSettings(await ask({ type: 'updateSettings', patch }));
  };
  const never = settings.neverCapture;
  return (
    <main class="options">
      <h1>Tend settings</h1>
      <RemovalWarning db={optionsDb} />
      <section aria-labelledby="own-heading">
        <h2 id="own-heading">Your addresses</h2>
        <p>Tend never offers these as people. It learns them from Gmail and Outlook, where your own address is marked as you.</p>
        <EditableList
          label="Your addresses"
          items={settings.ownAddresses}
          placeholder="you@example.com"
          parse={parseAddressEntry}
          onChange={(ownAddresses) => update({ ...settings, ownAddresses })}
        />
      </section>
      <section aria-labelledby="never-heading">
        <h2 id="never-heading">Never record</h2>
        <p>Nothing about these people, domains or sites is kept, and they are not listed on the page.</p>
        <h3>Addresses</h3>
        <EditableList
          label="Never record these addresses"
          items={never.addresses}
          placeholder="someone@example.com"
          parse={parseAddressEntry}
          onChange={(addresses) => update({ ...settings, neverCapture: { ...never, addresses } })}
        />
        <h3>Domains</h3>
        <EditableList
          label="Never record anyone at these domains"
          items={never.domains}
          placeholder="example.com"
          parse={parseHostEntry}
          onChange={(domains) => update({ ...settings, neverCapture: { ...never, domains } })}
        />
        <h3>Sites</h3>
        <EditableList
          label="Never read these sites"
          items={never.sites}
          placeholder="intranet.example.com"
          parse={parseHostEntry}
          onChange={(sites) => update({ ...settings, neverCapture: { ...never, sites } })}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={settings.ignoreAutomatedSenders}
            onChange={(e) => void update({ ...settings, ignoreAutomatedSenders: e.currentTarget.checked })}
          />
          Ignore automated senders (noreply, notifications, mailer-daemon)
        </label>
      </section>
      <PassiveHistorySettings settings={settings} onSaved={setSettings} />
      <CadenceSettings settings={settings} onSaved={setSettings} />
      <SiteList />
      <ShortcutList />
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <p>Everything Tend keeps stays in this browser profile. Tend makes no network requests.</p>
      </section>
      <ExportData db={optionsDb} />
      <ImportData db={optionsDb} generation={generation} onSettingsChanged={setSettings} onDataChanged={dataChanged} />
      <StorageInfo generation={generation} />
      <DangerZone
        db={optionsDb}
        onDeleted={() => {
          dataChanged();
          void loadSettings().then(setSettings);
        }}
      />
    </main>
  );
}
