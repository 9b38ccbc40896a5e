import { t } from '../../utils/i18n';

/** What Tend records and where it stays, said before the user sees it do anything. */
export function WhatTendKeeps() {
  return (
    <section class="welcome-step" aria-labelledby="keeps-heading">
      <h2 id="keeps-heading">{t('welcomeKeepsTitle')}</h2>
      <ul>
        <li>{t('welcomeKeepsPeople')}</li>
        <li>{t('welcomeKeepsThreads')}</li>
        <li>{t('welcomeKeepsYours')}</li>
        <li>{t('welcomeKeepsOtherPages')}</li>
      </ul>
      <p>
        <strong>{t('welcomeKeepsWhere')}</strong>
      </p>
      <p>{t('welcomeKeepsRemoval')}</p>
    </section>
  );
}
