import { useEffect, useState } from 'preact/hooks';
import { ask } from '../utils/messaging/client';
import { DriftingList } from './DriftingList';
import { FollowUpLists } from './FollowUpLists';
import { OverviewView } from './OverviewView';
import { useBroadcast } from './use-broadcast';
import { useRequest } from './use-request';

const TABS = { reminders: 'Reminders', drifting: 'Drifting', overview: 'Overview' } as const;
type Tab = keyof typeof TABS;
/** Upcoming follow-ups become due while the panel is open: look again this often. */
const REFRESH_MS = 60_000;

function Reminders({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const lists = useRequest(() => ask({ type: 'listFollowUps' }), []);
  useBroadcast(() => lists.reload(), []);
  useEffect(() => {
    const timer = window.setInterval(lists.reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  if (lists.error) return <p role="alert" class="error">{lists.error}</p>;
  if (!lists.data) return <p class="loading">Loading…</p>;
  const { due, upcoming, later, done } = lists.data;
  if (due.length + upcoming.length + later.length + done.length === 0) {
    return <p class="empty">No follow-ups yet. Add one from a person’s card, a history entry or the popup’s quick note.</p>;
  }
  return <FollowUpLists groups={lists.data} now={Date.now()} onOpenPerson={onOpenPerson} />;
}

/** The side panel's follow-ups view: reminders due and coming, people drifting apart, the overview. */
export function FollowUpsView({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const [tab, setTab] = useState<Tab>('reminders');
  return (
    <div class="followups-view">
      <nav class="subviews" aria-label="Follow-up views">
        {(Object.keys(TABS) as Tab[]).map((id) => (
          <button key={id} type="button" aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
            {TABS[id]}
          </button>
        ))}
      </nav>
      {tab === 'reminders' && <Reminders onOpenPerson={onOpenPerson} />}
      {tab === 'drifting' && <DriftingList onOpenPerson={onOpenPerson} />}
      {tab === 'overview' && <OverviewView onOpenPerson={onOpenPerson} />}
    </div>
  );
}
