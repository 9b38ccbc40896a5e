import { t, tCount, type MessageKey } from '../../utils/i18n';
import { PREVIEW_SHOWN, type ImportPreviewShown } from '../../utils/messaging/features/portability';
import type { ImportIssue, MatchReason, PlannedMerge } from '../../utils/model/import';

interface Props {
  preview: ImportPreviewShown;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

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
  return total > PREVIEW_SHOWN ? <li class="muted">{t('listAndMore', total - PREVIEW_SHOWN)}</li> : null;
}

function IssueList({ label, issues, total }: { label: string; issues: ImportIssue[]; total: number }) {
  return (
    <ul aria-label={label} class="issues">
      {issues.map((issue, index) => (
        <li key={index}>
          <span>{issue.line > 0 ? t('importLine', issue.line, issue.reason) : issue.reason}</span>
        </li>
      ))}
      <More total={total} />
    </ul>
  );
}

/** The preview of an import: who is new, who Tend knows (and why), what is rejected; then confirm. */
export function ImportPreviewView({ preview, busy, onConfirm, onCancel }: Props) {
  const { counts } = preview;
  const people = counts.newPeople + counts.matches;
  return (
    <section aria-label={t('importPreviewLabel')} class="import-preview">
      <h3>{t('importPreviewTitle', preview.source)}</h3>
      <ul aria-label={t('importSummary')} class="summary">
        <li>{tCount('importNewPeopleCount', counts.newPeople)}</li>
        <li>{tCount('importKnownPeopleCount', counts.matches)}</li>
        <li>{tCount('importRejectedCount', counts.rejected)}</li>
      </ul>
      {counts.newPeople > 0 && (
        <>
          <h4>{t('importNewPeople')}</h4>
          <ul aria-label={t('importNewPeopleList')}>
            {preview.newPeople.map((person) => (
              <li key={person.lines[0]}>
                <span>{person.displayName}</span>
                <span class="muted">{person.identities[0]?.value}</span>
              </li>
            ))}
            <More total={counts.newPeople} />
          </ul>
        </>
      )}
      {counts.matches > 0 && (
        <>
          <h4>{t('importKnownPeople')}</h4>
          <ul aria-label={t('importKnownPeopleList')}>
            {preview.matches.map((merge) => (
              <li key={merge.contactId}>
                <span>{t('importMatch', merge.displayName, merge.reasons.map((reason) => t(REASON_WORDS[reason.kind], reason.value)).join('; '))}</span>
                <span class="muted">{additions(merge)}</span>
              </li>
            ))}
            <More total={counts.matches} />
          </ul>
        </>
      )}
      {counts.rejected > 0 && (
        <>
          <h4>{t('importRejected')}</h4>
          <IssueList label={t('importRejectedList')} issues={preview.rejected} total={counts.rejected} />
        </>
      )}
      {counts.warnings > 0 && (
        <>
          <h4>{t('importLeftOut')}</h4>
          <IssueList label={t('importLeftOutList')} issues={preview.warnings} total={counts.warnings} />
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
