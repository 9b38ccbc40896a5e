import { useState } from 'preact/hooks';
import { StatusLine } from '../shared/StatusLine';
import { t, tCount } from '../../utils/i18n';
import { CadenceDays, type Settings, type SettingsPatch } from '../../utils/model/records';
import { useSettingsSave } from './use-settings-save';

interface Props {
  settings: Settings;
  /** Called with the settings as the background saved them. */
  onSaved: (settings: Settings) => void;
}

/** A typed number of days, or an error in words. */
function parseDays(raw: string): { days: number } | { error: string } {
  const parsed = CadenceDays.safeParse(Number(raw.trim()));
  return raw.trim() !== '' && parsed.success ? { days: parsed.data } : { error: t('errorCadenceDays') };
}

/**
 * Keep-in-touch defaults for the options page: a cadence per tag, and one for everyone else. A
 * person's own cadence (on their card) always wins. Saved through the background.
 */
export function CadenceSettings({ settings, onSaved }: Props) {
  const [tag, setTag] = useState('');
  const [tagDays, setTagDays] = useState('');
  const [defaultDays, setDefaultDays] = useState(settings.defaultCadenceDays ? String(settings.defaultCadenceDays) : '');
  const [status, setStatus] = useState<string>();
  const settingsSave = useSettingsSave(onSaved);
  const { error, setError } = settingsSave;

  /** Save, and say what was saved in the status line. */
  const save = async (patch: SettingsPatch, done: string) => {
    const saved = await settingsSave.save(patch);
    if (saved) setStatus(done);
    return saved;
  };
  const addTag = async () => {
    const name = tag.trim();
    if (!name) return setError(t('cadenceSettingsNameTag'));
    const days = parseDays(tagDays);
    if ('error' in days) return setError(days.error);
    const others = Object.fromEntries(Object.entries(settings.tagCadences).filter(([other]) => other.toLowerCase() !== name.toLowerCase()));
    if (await save({ tagCadences: { ...others, [name]: days.days } }, tCount('cadenceSettingsTagSaved', days.days, name))) {
      setTag('');
      setTagDays('');
    }
  };
  const saveDefault = async () => {
    if (defaultDays.trim() === '') return void save({ defaultCadenceDays: null }, t('cadenceSettingsNoDefault'));
    const days = parseDays(defaultDays);
    if ('error' in days) return setError(days.error);
    await save({ defaultCadenceDays: days.days }, tCount('cadenceSettingsDefaultSaved', days.days));
  };
  const tags = Object.entries(settings.tagCadences).sort(([a], [b]) => a.localeCompare(b));

  return (
    <section aria-labelledby="cadence-heading" class="cadence-settings">
      <h2 id="cadence-heading">{t('cadenceSettingsTitle')}</h2>
      <p>{t('cadenceSettingsIntro')}</p>
      <h3>{t('cadenceSettingsByTag')}</h3>
      {tags.length > 0 && (
        <ul aria-label={t('cadenceSettingsTagList')}>
          {tags.map(([name, days]) => (
            <li key={name}>
              <span>{tCount('cadenceSettingsTagItem', days, name)}</span>
              <button
                type="button"
                aria-label={t('cadenceSettingsRemoveTag', name)}
                onClick={() => void save({ tagCadences: Object.fromEntries(tags.filter(([other]) => other !== name)) }, t('cadenceSettingsTagRemoved', name))}
              >
                {t('commonRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void addTag();
        }}
      >
        <label for="cadence-tag">{t('cadenceSettingsTag')}</label>
        <input id="cadence-tag" value={tag} placeholder={t('cadenceSettingsTagPlaceholder')} onInput={(e) => setTag(e.currentTarget.value)} />
        <label for="cadence-tag-days">{t('cadenceSettingsTagDays')}</label>
        <input id="cadence-tag-days" value={tagDays} inputMode="numeric" size={5} onInput={(e) => setTagDays(e.currentTarget.value)} />
        <button type="submit">{t('commonAdd')}</button>
      </form>
      <h3>{t('cadenceSettingsEveryoneElse')}</h3>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveDefault();
        }}
      >
        <label for="cadence-default">{t('cadenceSettingsDefault')}</label>
        <input id="cadence-default" value={defaultDays} inputMode="numeric" size={5} onInput={(e) => setDefaultDays(e.currentTarget.value)} />
        <button type="submit">{t('commonSave')}</button>
      </form>
      <StatusLine status={status} error={error} />
    </section>
  );
}
