import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { DuplicatePair, RecentMerge } from '../../utils/messaging/features/search';
import type { Contact } from '../../utils/model/records';
import { RecentMerges } from './RecentMerges';
import { useRequest } from '../shared/use-request';

/** A person of a pair as text: name, then addresses and organisation. */
function PersonSummary({ person }: { person: Contact }) {
  const details = [...person.identities.map((identity) => identity.value), person.org].filter(Boolean).join(' · ');
  return (
    <span class="pair-person">
      <span class="person-name">{person.displayName}</span>
      {details && <span class="search-detail">{details}</span>}
    </span>
  );
}

/**
 * People who may be one person, each pair with the reasons and a Merge button (the older person
 * is kept); below, the recent merges, each with Undo. Tend only suggests: the user decides.
 */
export function DuplicateSuggestions({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const pairs = useRequest(() => ask({ type: 'findDuplicates' }), []);
  const merges = useRequest(() => ask({ type: 'recentMerges' }), []);
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      setStatus(await work());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
      pairs.reload();
      merges.reload();
    }
  };
  const merge = (pair: DuplicatePair) =>
    run(async () => {
      await ask({ type: 'mergeContacts', keepId: pair.first.id, mergeId: pair.second.id });
      return t('duplicatesMerged', pair.second.displayName, pair.first.displayName);
    });
  const undo = (recent: RecentMerge) =>
    run(async () => {
      await ask({ type: 'undoMerge', mergeId: recent.mergeId });
      return t('duplicatesUndone', recent.mergedName);
    });

  return (
    <section class="duplicates" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('duplicatesTitle')}</h2>
      <p role="status" class="duplicates-status">
        {status}
      </p>
      {(error ?? pairs.error) && (
        <p role="alert" class="error">
          {error ?? pairs.error}
        </p>
      )}
      {pairs.data?.length === 0 && <p class="empty">{t('duplicatesNone')}</p>}
      {pairs.data && pairs.data.length > 0 && (
        <ul class="duplicate-pairs" aria-label={t('duplicatesList')}>
          {pairs.data.map((pair) => (
            <li key={`${pair.first.id}|${pair.second.id}`} class="duplicate-pair">
              <div class="pair-people">
                <button type="button" class="link-button" onClick={() => onOpenPerson(pair.first.id)}>
                  <PersonSummary person={pair.first} />
                </button>
                <button type="button" class="link-button" onClick={() => onOpenPerson(pair.second.id)}>
                  <PersonSummary person={pair.second} />
                </button>
              </div>
              <ul class="pair-reasons" aria-label={t('duplicatesWhy')}>
                {pair.reasons.map((reason) => (
                  <li key={reason.text}>{reason.text}</li>
                ))}
              </ul>
              {/* The name says who goes into whom; one message, so a translator can order the names. */}
              <button
                type="button"
                disabled={busy}
                aria-label={t('duplicatesMergeNamed', pair.second.displayName, pair.first.displayName)}
                onClick={() => void merge(pair)}
              >
                {t('duplicatesMerge')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {merges.data && merges.data.length > 0 && <RecentMerges merges={merges.data} busy={busy} onUndo={(recent) => void undo(recent)} />}
    </section>
  );
}
