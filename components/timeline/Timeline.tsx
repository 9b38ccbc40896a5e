import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Interaction } from '../../utils/model/records';
import { TimelineList } from './TimelineList';
import { useBroadcast } from '../shared/use-broadcast';
import { concernsPerson } from '../../utils/messaging/changed';
import { useTeam } from '../sync/SharedBy';

const PAGE = 50;
/** The most entries one getTimeline request may ask for (the protocol's limit). */
const MAX_REQUEST = 500;

/** A person's timeline, a page at a time; deletes can be undone. */
export function Timeline({ contactId }: { contactId: string }) {
  const [entries, setEntries] = useState<Interaction[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [error, setError] = useState<string>();
  const [deleted, setDeleted] = useState<Interaction>();
  const team = useTeam();

  // Reload what is shown (at least a page) when anything about this person changes. A history
  // scrolled far down is read back in several requests: one capped at MAX_REQUEST used to drop
  // the rest and hide the way to older entries.
  // `limit` entries older than `after` (the newest when absent).
  const entriesAfter = (limit: number, after?: Interaction) =>
    ask({ type: 'getTimeline', contactId, limit, ...(after && { before: { at: after.at, id: after.id } }) });

  const reload = async (count: number) => {
    try {
      const wanted = Math.max(count, PAGE);
      const fresh: Interaction[] = [];
      let full = true;
      while (full && fresh.length < wanted) {
        const limit = Math.min(wanted - fresh.length, MAX_REQUEST);
        const page = await entriesAfter(limit, fresh.at(-1));
        fresh.push(...page);
        full = page.length === limit;
      }
      setEntries(fresh);
      setHasOlder(full);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  useEffect(() => {
    setEntries([]);
    setDeleted(undefined);
    void reload(PAGE);
  }, [contactId]);
  useBroadcast((message) => concernsPerson(message, contactId) && void reload(entries.length), [contactId, entries.length]);

  // One page on its way at a time: the scroll observer and the button may both ask for it.
  const loadingOlder = useRef(false);
  const shown = useRef(entries);
  shown.current = entries;
  const showOlder = async () => {
    const last = shown.current.at(-1);
    if (!last || loadingOlder.current) return;
    loadingOlder.current = true;
    try {
      const older = await entriesAfter(PAGE, last);
      // A reload may have replaced the list meanwhile: the page continues only the list it was asked for.
      if (shown.current.at(-1)?.id !== last.id) return;
      setEntries([...shown.current, ...older]);
      setHasOlder(older.length === PAGE);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      loadingOlder.current = false;
    }
  };

  // Scrolling near the end brings the next page, as a reader of a long history expects; the
  // button stays for keyboards and screen readers, and it is what the observer watches.
  const olderButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const button = olderButton.current;
    if (!hasOlder || !button || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((seen) => seen.some((entry) => entry.isIntersecting) && void showOlder(), {
      rootMargin: '0px 0px 800px 0px',
    });
    observer.observe(button);
    return () => observer.disconnect();
  }, [hasOlder, entries]);

  // The same actions on every render, so entries already shown are not rendered again (TimelineList memoises them).
  const actions = useMemo(
    () => ({
      async onEdit(entry: Interaction, text: string) {
        await ask({ type: 'editInteraction', interactionId: entry.id, text });
      },
      async onDelete(entry: Interaction) {
        await ask({ type: 'deleteInteraction', interactionId: entry.id });
        setDeleted(entry);
      },
      // Offered only to a user in a team: sharing is what the next team pass sends there.
      onShare:
        team === undefined
          ? undefined
          : async (entry: Interaction) => {
              await ask({ type: 'shareEntry', interactionId: entry.id });
            },
    }),
    [team],
  );

  return (
    <div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {deleted && (
        <p role="status" class="undo-bar">
          {t('timelineDeleted')}{' '}
          <button type="button" onClick={() => void ask({ type: 'restoreInteraction', interaction: deleted }).then(() => setDeleted(undefined))}>
            {t('commonUndo')}
          </button>
        </p>
      )}
      <TimelineList entries={entries} actions={actions} />
      {hasOlder && (
        <button ref={olderButton} type="button" class="secondary" onClick={() => void showOlder()}>
          {t('timelineOlder')}
        </button>
      )}
    </div>
  );
}
