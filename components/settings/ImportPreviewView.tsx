import { t, tCount, type MessageKey } from '../../utils/i18n';
import type { ImportIssue, ImportPreview, MatchReason, PlannedMerge } from '../../utils/model/import';

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

// Long files would make a page nobody reads: the first ones are listed, the rest counted.
const SHOWN = 50;

const REASON_WORDS: Record<MatchReason['kind'], MessageKey> = {
  email: 'importMatchEmail',
  url: 'importMatchUrl',
  name: 'importMatchName',
};

const FIELD_WORDS: Record<keyof PlannedMerge['fill'], MessageKey> = {
  displayName: 'importAddsName',
  org: 'importAddsOrganisation',
  title: 'importAddsTitle',
  whatMatters: 'importAddsWhatMatters',
};

/** What joining the file's data to a person Tend knows would add, in words. */
function additions(merge: PlannedMerge): string {
  const parts = [
    merge.addIdentities.length > 0 && tCount('importAddsAddresses', merge.addIdentities.length),
    merge.addTags.length > 0 && tCount('importAddsTags', merge.addTags.length),
    ...(Object.keys(merge.fill) as (keyof PlannedMerge['fill'])[]).map((field) => t(FIELD_WORDS[field])),
    merge.note !== undefined && t('importAddsNote'),
  ].filter(Boolean);
  return parts.length > 0 ? t('importAdds', parts.join(', ')) : t('importAddsNothing');
}

function More({ total }: { total: number }) {
  return total > SHOWN ? <li class="muted">{t('listAndMore', total - SHOWN)}</li> : null;
}

function IssueList({ label, issues }: { label: string; issues: ImportIssue[] }) {
  return (
    <ul aria-label={label} class="issues">
      {issues.slice(0, SHOWN).map((issue, index) => (
        <li key={index}>
          <span>{issue.line > 0 ? t('importLine', issue.line, issue.reason) : issue.reason}</span>
        </li>
      ))}
      <More total={issues.length} />
    </ul>
  );
}

/** The preview of an import: who is new, who Tend knows (and why), what is rejected; then confirm. */
export function ImportPreviewView({ preview, busy, onConfirm, onCancel }: Props) {
  const people = preview.newPeople.length + preview.matches.length;
  return (
    <section aria-label={t('importPreviewLabel')} class="import-preview">
      <h3>{t('importPreviewTitle', preview.source)}</h3>
      <ul aria-label={t('importSummary')} class="summary">
        <li>{tCount('importNewPeopleCount', preview.newPeople.length)}</li>
        <li>{tCount('importKnownPeopleCount', preview.matches.length)}</li>
        <li>{tCount('importRejectedCount', preview.rejected.length)}</li>
      </ul>
      {preview.newPeople.length > 0 && (
        <>
          <h4>{t('importNewPeople')}</h4>
          <ul aria-label={t('importNewPeopleList')}>
            {preview.newPeople.slice(0, SHOWN).map((person) => (
              <li key={person.lines[0]}>
                <span>{person.displayName}</span>
                <span class="muted">{person.identities[0]?.value}</span>
              </li>
            ))}
            <More total={preview.newPeople.length} />
          </ul>
        </>
      )}
      {preview.matches.length > 0 && (
        <>
          <h4>{t('importKnownPeople')}</h4>
          <ul aria-label={t('importKnownPeopleList')}>
            {preview.matches.slice(0, SHOWN).map((merge) => (
              <li key={merge.contactId}>
                <span>{t('importMatch', merge.displayName, merge.reasons.map((reason) => t(REASON_WORDS[reason.kind], reason.value)).join('; '))}</span>
                <span class="muted">{additions(merge)}</span>
              </li>
            ))}
            <More total={preview.matches.length} />
          </ul>
        </>
      )}
      {preview.rejected.length > 0 && (
        <>
          <h4>{t('importRejected')}</h4>
          <IssueList label={t('importRejectedList')} issues={preview.rejected} />
        </>
      )}
      {preview.warnings.length > 0 && (
        <>
          <h4>{t('importLeftOut')}</h4>
          <IssueList label={t('importLeftOutList')} issues={preview.warnings} />
        </>
      )}
      <div class="button-row">
        {people > 0 ? (
          <button type="button" class="primary" aria-busy={busy} onClick={() => !busy && onConfirm()}>
            {tCount('importConfirm', people)}
          </button>
        ) : (
          <p>{t('importNothing')}</p>
        )}
        <button type="button" onClick={onCancel}>
          {t('commonCancel')}
        </button>
      </div>
    </section>
  );
}
