import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CadenceSettings } from '../../components/settings/CadenceSettings';
import { DangerZone } from '../../components/settings/DangerZone';
import { EditableList } from '../../components/settings/EditableList';
import { ExportData } from '../../components/settings/ExportData';
import { IgnoreAutomatedSetting } from '../../components/settings/IgnoreAutomatedSetting';
import { ImportData } from '../../components/settings/ImportData';
import { OwnAddresses } from '../../components/settings/OwnAddresses';
import { PassiveHistorySettings } from '../../components/settings/PassiveHistorySettings';
import { RemovalWarning } from '../../components/settings/RemovalWarning';
import { ShortcutList } from '../../components/settings/ShortcutList';
import { SiteList } from '../../components/settings/SiteList';
import { StorageInfo } from '../../components/settings/StorageInfo';
import { SyncSettings } from '../../components/settings/SyncSettings';
import { UnsavedDrafts } from '../../components/settings/UnsavedDrafts';
import { t } from '../../utils/i18n';
import type { Settings } from '../../utils/model/records';
import { parseAddressEntry, parseHostEntry } from '../../utils/storage/settings-entries';
import { ask } from '../../utils/messaging/client';
import { useSettingsChanged } from '../../components/shared/use-settings-changed';

/** Settings: the user's addresses, what Tend never records, which sites it reads; and the user's data. */
export function App() {
  const [settings, setSettings] = useState<Settings>();
  // Bumped after a bulk change (import, restore, delete) so the data sections read again.
  const [generation, setGeneration] = useState(0);
  const reload = () => void ask({ type: 'getSettings' }).then(setSettings);
  useEffect(reload, []);
  // Learned addresses, a restore, another options tab: the worker says the settings changed.
  useSettingsChanged(reload, []);
  const dataChanged = () => setGeneration((g) => g + 1);
  // A link to a section (the welcome page's "Import contacts") arrives before the sections exist.
  const loaded = settings !== undefined;
  useEffect(() => {
    if (loaded && location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [loaded]);
  if (!settings) return <main class="options">{t('commonLoading')}</main>;

  // Only the fields changed go to the background, which applies them to the latest settings.
  const update = async (next: Settings) => {
    const patch = Object.fromEntries(Object.entries(next).filter(([key, value]) => key !== 'version' && value !== settings[key as keyof Settings]));
    setSettings(await ask({ type: 'updateSettings', patch }));
  };
  const never = settings.neverCapture;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>
        <a href={browser.runtime.getURL('/welcome.html')}>{t('optionsWelcomeLink')}</a>
      </p>
      <OwnAddresses settings={settings} onSaved={setSettings} />
      <section aria-labelledby="never-heading">
        <h2 id="never-heading">{t('optionsNeverTitle')}</h2>
        <p>{t('optionsNeverIntro')}</p>
        <h3>{t('optionsNeverAddressesTitle')}</h3>
        <EditableList
          id="never-record-these-addresses"
          label={t('optionsNeverAddresses')}
          items={never.addresses}
          placeholder={t('optionsNeverAddressesPlaceholder')}
          parse={parseAddressEntry}
          onChange={(addresses) => update({ ...settings, neverCapture: { ...never, addresses } })}
        />
        <h3>{t('optionsNeverDomainsTitle')}</h3>
        <EditableList
          id="never-record-anyone-at-these-domains"
          label={t('optionsNeverDomains')}
          items={never.domains}
          placeholder={t('optionsNeverDomainsPlaceholder')}
          parse={parseHostEntry}
          onChange={(domains) => update({ ...settings, neverCapture: { ...never, domains } })}
        />
        <h3>{t('optionsNeverSitesTitle')}</h3>
        <EditableList
          id="never-read-these-sites"
          label={t('optionsNeverSites')}
          items={never.sites}
          placeholder={t('optionsNeverSitesPlaceholder')}
          parse={parseHostEntry}
          onChange={(sites) => update({ ...settings, neverCapture: { ...never, sites } })}
        />
        <IgnoreAutomatedSetting settings={settings} onSaved={setSettings} />
      </section>
      <PassiveHistorySettings settings={settings} onSaved={setSettings} />
      <CadenceSettings settings={settings} onSaved={setSettings} />
      <SiteList />
      <ShortcutList />
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('optionsPrivacyTitle')}</h2>
        <p>{t('optionsPrivacy')}</p>
      </section>
      {/* Beside the privacy promise it is the one exception to. */}
      <SyncSettings />
      {/* After the settings a new user needs first; still one click from a backup, above the data sections. */}
      <RemovalWarning />
      <ExportData />
      <ImportData generation={generation} onSettingsChanged={setSettings} onDataChanged={dataChanged} />
      <StorageInfo generation={generation} />
      <UnsavedDrafts generation={generation} />
      <DangerZone
        onDeleted={() => {
          dataChanged();
          reload();
        }}
      />
    </main>
  );
}
