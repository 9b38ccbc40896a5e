import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ask } from '../utils/messaging/client';
import type { Interaction } from '../utils/model';
import { TimelineList } from './TimelineList';
import { useBroadcast } from './use-broadcast';

const PAGE = 50;

/** A person's timeline, a page at a time; deletes can be undone. */
export function Timeline({ contactId }: { contactId: string }) {
  const [entries, setEntries] = useState<Interaction[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [error, setError] = useState<string>();
  const [deleted, setDeleted] = useState<Interaction>();

  // Reload what is shown (at least a page) when anything about this person changes.
  const reload = async (count: number) => {
    try {
      const page = await ask({ type: 'getTimeline', contactId, limit: Math.min(Math.max(count, PAGE), 500) });
      setEntries(page);
      setHasOlder(page.length >= Math.max(count, PAGE));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  useEffect(() => {
    setEntries([]);
    setDeleted(undefined);
    void reload(PAGE);
  }, [contactId]);
  useBroadcast((message) => message.contactIds?.includes(contactId) && void reload(entries.length), [contactId, entries.length]);

  const showOlder = async () => {
    const last = entries.at(-1);
    if (!last) return;
    const older = await ask({ type: 'getTimeline', contactId, limit: PAGE, before: { at: last.at, id: last.id } });
    setEntries([...entries, ...older]);
    setHasOlder(older.length === PAGE);
  };

  const actions = {
    async onEdit(entry: Interaction, text: string) {
      await ask({ type: 'editInteraction', interactionId: entry.id, text });
    },
    async onDelete(entry: Interaction) {
      await ask({ type: 'deleteInteraction', interactionId: entry.id });
      setDeleted(entry);
    },
  };

  return (
    <div>
      {error && <p role="alert" class="error">{error}</p>}
      {deleted && (
        <p role="status" class="undo-bar">
          {t('timelineDeleted')}{' '}
          <button
            type="button"
            onClick={() => void ask({ type: 'restoreInteraction', interaction: deleted }).then(() => setDeleted(undefined))}
          >
            {t('commonUndo')}
          </button>
        </p>
      )}
      <TimelineList entries={entries} actions={actions} />
      {hasOlder && (
        <button type="button" class="secondary" onClick={() => void showOlder()}>
          {t('timelineOlder')}
        </button>
      )}
    </div>
  );
}
