import { ImportStep } from '../../components/welcome/ImportStep';
import { PinStep } from '../../components/welcome/PinStep';
import { SidePanelStep } from '../../components/welcome/SidePanelStep';
import { WhatTendKeeps } from '../../components/welcome/WhatTendKeeps';
import { SiteList } from '../../components/settings/SiteList';
import { t } from '../../utils/i18n';

/** The welcome page, opened once on install (entrypoints/background/welcome.ts) and from the settings. */
export function App() {
  return (
    <main class="options welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeLead')}</p>
      <WhatTendKeeps />
      <PinStep />
      <SidePanelStep />
      <ImportStep />
      <div class="welcome-step">
        <SiteList />
      </div>
    </main>
  );
}
