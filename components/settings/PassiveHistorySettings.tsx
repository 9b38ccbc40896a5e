import { t } from '../../utils/i18n';
import type { Settings } from '../../utils/model/records';
import { PASSIVE_HISTORY_SITES, passiveHistoryOn } from '../../utils/sites';
import { SavingCheckbox } from './SavingCheckbox';
import { useSettingsSave } from './use-settings-save';

/** Per site: whether Tend records "seen in thread" entries by itself (on unless turned off); for a calendar, whether it logs meetings after they end (off unless turned on). */
export function PassiveHistorySettings({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { error, save } = useSettingsSave(onSaved);
  return (
    <section aria-labelledby="passive-heading">
      <h2 id="passive-heading">{t('passiveTitle')}</h2>
      <p>{t('passiveIntro')}</p>
      {PASSIVE_HISTORY_SITES.map((site) => (
        <SavingCheckbox
          key={site.id}
          checked={passiveHistoryOn(site, settings.passiveHistory)}
          save={(on) => save({ passiveHistory: { ...settings.passiveHistory, [site.id]: on } })}
        >
          {site.calendar ? t('passiveCalendarAutoLog', t(site.label)) : t(site.label)}
        </SavingCheckbox>
      ))}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
