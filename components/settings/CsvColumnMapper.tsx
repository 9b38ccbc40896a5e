import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import type { CsvColumnMapping } from '../../utils/portability/csv/import';

interface Props {
  fileName: string;
  headers: string[];
  suggested: CsvColumnMapping;
  busy: boolean;
  onSubmit: (mapping: CsvColumnMapping) => void;
  onCancel: () => void;
}

type OneColumnField = 'displayName' | 'givenName' | 'familyName' | 'org' | 'title' | 'tags' | 'note';
type ManyColumnsField = 'emails' | 'urls';

const ONE_COLUMN: [OneColumnField, MessageKey][] = [
  ['displayName', 'mapperFullName'],
  ['givenName', 'mapperFirstName'],
  ['familyName', 'mapperLastName'],
  ['org', 'mapperOrganisation'],
  ['title', 'mapperJobTitle'],
  ['tags', 'mapperTags'],
  ['note', 'mapperNotes'],
];
const MANY_COLUMNS: [ManyColumnsField, MessageKey][] = [
  ['emails', 'mapperEmails'],
  ['urls', 'mapperUrls'],
];

/** For a CSV Tend does not know: which column holds what, guessed from the headers, for the user to correct. */
export function CsvColumnMapper({ fileName, headers, suggested, busy, onSubmit, onCancel }: Props) {
  const [mapping, setMapping] = useState<CsvColumnMapping>(suggested);
  const setOne = (field: OneColumnField, header: string) => {
    const next = { ...mapping };
    if (header) next[field] = header;
    else delete next[field];
    setMapping(next);
  };
  const setMany = (field: ManyColumnsField, select: HTMLSelectElement) =>
    setMapping({ ...mapping, [field]: [...select.selectedOptions].map((option) => option.value) });

  return (
    <form
      aria-label={t('mapperLabel')}
      class="column-mapper"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit(mapping);
      }}
    >
      <h3>{t('mapperTitle', fileName)}</h3>
      <p>{t('mapperIntro')}</p>
      <div class="field-grid">
        {ONE_COLUMN.map(([field, labelKey]) => (
          // A label of its own (not wrapping the select): the select's options must not join its name.
          <div key={field} class="field">
            <label for={`map-${field}`}>{t(labelKey)}</label>
            <select id={`map-${field}`} value={mapping[field] ?? ''} onChange={(event) => setOne(field, event.currentTarget.value)}>
              <option value="">{t('mapperNone')}</option>
              {headers.map((header, index) => (
                <option key={index} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
        {MANY_COLUMNS.map(([field, labelKey]) => (
          <div key={field} class="field">
            <label for={`map-${field}`}>{t(labelKey)}</label>
            <select id={`map-${field}`} multiple size={Math.min(4, headers.length)} onChange={(event) => setMany(field, event.currentTarget)}>
              {headers.map((header, index) => (
                <option key={index} value={header} selected={mapping[field].includes(header)}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <p class="notice">{t('mapperManyHint')}</p>
      <div class="button-row">
        <button type="submit" class="primary" aria-busy={busy}>
          {t('mapperPreview')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('commonCancel')}
        </button>
      </div>
    </form>
  );
}
