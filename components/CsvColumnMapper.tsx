import { useState } from 'preact/hooks';
import type { CsvColumnMapping } from '../utils/portability/csv-import';

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

const ONE_COLUMN: [OneColumnField, string][] = [
  ['displayName', 'Full name'],
  ['givenName', 'First name'],
  ['familyName', 'Last name'],
  ['org', 'Organisation'],
  ['title', 'Job title'],
  ['tags', 'Tags'],
  ['note', 'Notes'],
];
const MANY_COLUMNS: [ManyColumnsField, string][] = [
  ['emails', 'Email addresses'],
  ['urls', 'Profile URLs'],
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
      aria-label="Match columns"
      class="column-mapper"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit(mapping);
      }}
    >
      <h3>Which column holds what in “{fileName}”?</h3>
      <p>Tend does not know this kind of CSV. It guessed from the column names; correct what it got wrong.</p>
      <div class="field-grid">
        {ONE_COLUMN.map(([field, label]) => (
          // A label of its own (not wrapping the select): the select's options must not join its name.
          <div key={field} class="field">
            <label for={`map-${field}`}>{label}</label>
            <select id={`map-${field}`} value={mapping[field] ?? ''} onChange={(event) => setOne(field, event.currentTarget.value)}>
              <option value="">(none)</option>
              {headers.map((header, index) => (
                <option key={index} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
        {MANY_COLUMNS.map(([field, label]) => (
          <div key={field} class="field">
            <label for={`map-${field}`}>{label}</label>
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
      <p class="notice">Several columns can hold addresses: hold Ctrl (Cmd on a Mac) or Shift to choose more than one.</p>
      <div class="button-row">
        <button type="submit" class="primary" aria-busy={busy}>
          Preview import
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
