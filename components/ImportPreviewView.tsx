import type { ImportIssue, ImportPreview, MatchReason, PlannedMerge } from '../utils/portability/import-model';
import { plural } from './plural';

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

// Long files would make a page nobody reads: the first ones are listed, the rest counted.
const SHOWN = 50;

const REASON_WORDS: Record<MatchReason['kind'], string> = {
  email: 'same email address',
  url: 'same profile',
  name: 'same name, and neither has an address',
};

const FIELD_WORDS: Record<keyof PlannedMerge['fill'], string> = {
  displayName: 'name',
  org: 'organisation',
  title: 'title',
  whatMatters: 'what matters',
};

/** What joining the file's data to a person Tend knows would add, in words. */
function additions(merge: PlannedMerge): string {
  const parts = [
    merge.addIdentities.length > 0 && plural(merge.addIdentities.length, 'address', 'addresses'),
    merge.addTags.length > 0 && plural(merge.addTags.length, 'tag', 'tags'),
    ...(Object.keys(merge.fill) as (keyof PlannedMerge['fill'])[]).map((field) => FIELD_WORDS[field]),
    merge.note !== undefined && 'a note',
  ].filter(Boolean);
  return parts.length > 0 ? `adds ${parts.join(', ')}` : 'nothing new';
}

function More({ total }: { total: number }) {
  return total > SHOWN ? <li class="muted">…and {total - SHOWN} more</li> : null;
}

function IssueList({ label, issues }: { label: string; issues: ImportIssue[] }) {
  return (
    <ul aria-label={label} class="issues">
      {issues.slice(0, SHOWN).map((issue, index) => (
        <li key={index}>
          <span>{issue.line > 0 ? `Line ${issue.line}: ` : ''}{issue.reason}</span>
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
    <section aria-label="Import preview" class="import-preview">
      <h3>Before importing {preview.source}</h3>
      <ul aria-label="Import summary" class="summary">
        <li>{plural(preview.newPeople.length, 'new person', 'new people')}</li>
        <li>{plural(preview.matches.length, 'person Tend already knows', 'people Tend already knows')}</li>
        <li>{plural(preview.rejected.length, 'entry rejected', 'entries rejected')}</li>
      </ul>
      {preview.newPeople.length > 0 && (
        <>
          <h4>New people</h4>
          <ul aria-label="New people">
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
          <h4>Already in Tend</h4>
          <ul aria-label="People Tend already knows">
            {preview.matches.slice(0, SHOWN).map((merge) => (
              <li key={merge.contactId}>
                <span>
                  {merge.displayName}: {merge.reasons.map((reason) => `${REASON_WORDS[reason.kind]} ${reason.value}`).join('; ')}
                </span>
                <span class="muted">{additions(merge)}</span>
              </li>
            ))}
            <More total={preview.matches.length} />
          </ul>
        </>
      )}
      {preview.rejected.length > 0 && (
        <>
          <h4>Rejected</h4>
          <IssueList label="Rejected entries" issues={preview.rejected} />
        </>
      )}
      {preview.warnings.length > 0 && (
        <>
          <h4>Left out</h4>
          <IssueList label="Values left out" issues={preview.warnings} />
        </>
      )}
      <div class="button-row">
        {people > 0 ? (
          <button type="button" class="primary" aria-busy={busy} onClick={() => !busy && onConfirm()}>
            Import {plural(people, 'person', 'people')}
          </button>
        ) : (
          <p>Nothing in this file can be imported.</p>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
