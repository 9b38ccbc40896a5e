import { useState } from 'preact/hooks';
import { ask } from '../utils/messaging/client';
import type { DuplicatePair, RecentMerge } from '../utils/messaging/features/search';
import type { Contact } from '../utils/model';
import { RecentMerges } from './RecentMerges';
import { useRequest } from './use-request';

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
      return `Merged ${pair.second.displayName} into ${pair.first.displayName}.`;
    });
  const undo = (recent: RecentMerge) =>
    run(async () => {
      await ask({ type: 'undoMerge', mergeId: recent.mergeId });
      return `Merge undone: ${recent.mergedName} is a separate person again.`;
    });

  return (
    <section class="duplicates" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      <p role="status" class="duplicates-status">
        {status}
      </p>
      {(error ?? pairs.error) && (
        <p role="alert" class="error">
          {error ?? pairs.error}
        </p>
      )}
      {pairs.data?.length === 0 && <p class="empty">None found. Tend suggests people who share a name, a profile link or a mailbox, and never merges on its own.</p>}
      {pairs.data && pairs.data.length > 0 && (
        <ul class="duplicate-pairs" aria-label="Possible duplicates">
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
              <ul class="pair-reasons" aria-label="Why they may be one person">
                {pair.reasons.map((reason) => (
                  <li key={reason.text}>{reason.text}</li>
                ))}
              </ul>
              <button type="button" disabled={busy} onClick={() => void merge(pair)}>
                Merge
                <span class="visually-hidden">
                  {' '}
                  {pair.second.displayName} into {pair.first.displayName}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {merges.data && merges.data.length > 0 && <RecentMerges merges={merges.data} busy={busy} onUndo={(recent) => void undo(recent)} />}
    </section>
  );
}
