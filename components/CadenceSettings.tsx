import { useState } from 'preact/hooks';
import { StatusLine } from './StatusLine';
import { ask } from '../utils/messaging/client';
import { CadenceDays, type Settings, type SettingsPatch } from '../utils/model';

interface Props {
  settings: Settings;
  /** Called with the settings as the background saved them. */
  onSaved: (settings: Settings) => void;
}

/** A typed number of days, or an error in words. */
function parseDays(raw: string): { days: number } | { error: string } {
  const parsed = CadenceDays.safeParse(Number(raw.trim()));
  return raw.trim() !== '' && parsed.success ? { days: parsed.data } : { error: 'Give a whole number of days, 1 to 3650.' };
}

/**
 * Keep-in-touch defaults for the options page: a cadence per tag, and one for everyone else. A
 * person's own cadence (on their card) always wins. Saved through the background.
 */
export function CadenceSettings({ settings, onSaved }: Props) {
  const [tag, setTag] = useState('');
  const [tagDays, setTagDays] = useState('');
  const [defaultDays, setDefaultDays] = useState(settings.defaultCadenceDays ? String(settings.defaultCadenceDays) : '');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  const save = async (patch: SettingsPatch, done: string) => {
    try {
      onSaved(await ask({ type: 'updateSettings', patch }));
      setError(undefined);
      setStatus(done);
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    }
  };
  const addTag = async () => {
    const name = tag.trim();
    if (!name) return setError('Name the tag.');
    const days = parseDays(tagDays);
    if ('error' in days) return setError(days.error);
    const others = Object.fromEntries(Object.entries(settings.tagCadences).filter(([t]) => t.toLowerCase() !== name.toLowerCase()));
    if (await save({ tagCadences: { ...others, [name]: days.days } }, `People tagged ${name}: every ${days.days} days.`)) {
      setTag('');
      setTagDays('');
    }
  };
  const saveDefault = async () => {
    if (defaultDays.trim() === '') return void save({ defaultCadenceDays: null }, 'No default cadence.');
    const days = parseDays(defaultDays);
    if ('error' in days) return setError(days.error);
    await save({ defaultCadenceDays: days.days }, `Everyone else: every ${days.days} days.`);
  };
  const tags = Object.entries(settings.tagCadences).sort(([a], [b]) => a.localeCompare(b));

  return (
    <section aria-labelledby="cadence-heading" class="cadence-settings">
      <h2 id="cadence-heading">Keep in touch</h2>
      <p>
        How often you want to be in touch. Any interaction resets the clock: a note, a logged call, or a mail thread you were both in. People
        show amber from 80% of their cadence and red once past it. A cadence set on a person’s card wins over these.
      </p>
      <h3>By tag</h3>
      {tags.length > 0 && (
        <ul aria-label="Cadences by tag">
          {tags.map(([name, days]) => (
            <li key={name}>
              <span>
                {name}: every {days} days
              </span>
              <button
                type="button"
                aria-label={`Remove the cadence of ${name}`}
                onClick={() => void save({ tagCadences: Object.fromEntries(tags.filter(([t]) => t !== name)) }, `No cadence for ${name}.`)}
              >
                Remove
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
        <label for="cadence-tag">Tag</label>
        <input id="cadence-tag" value={tag} placeholder="family" onInput={(e) => setTag(e.currentTarget.value)} />
        <label for="cadence-tag-days">every (days)</label>
        <input id="cadence-tag-days" value={tagDays} inputMode="numeric" size={5} onInput={(e) => setTagDays(e.currentTarget.value)} />
        <button type="submit">Add</button>
      </form>
      <h3>Everyone else</h3>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveDefault();
        }}
      >
        <label for="cadence-default">Default cadence (days, empty for none)</label>
        <input id="cadence-default" value={defaultDays} inputMode="numeric" size={5} onInput={(e) => setDefaultDays(e.currentTarget.value)} />
        <button type="submit">Save</button>
      </form>
      <StatusLine status={status} error={error} />
    </section>
  );
}
