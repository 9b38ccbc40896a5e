import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { DriftingList } from './DriftingList';
import { FollowUpLists } from './FollowUpLists';
import { OverviewView } from './OverviewView';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';

const TABS = { reminders: 'followUpsReminders', drifting: 'followUpsDrifting', overview: 'followUpsOverview' } as const satisfies Record<string, MessageKey>;
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
  if (lists.error)
    return (
      <p role="alert" class="error">
        {lists.error}
      </p>
    );
  if (!lists.data) return <p class="loading">{t('commonLoading')}</p>;
  const { due, upcoming, later, done } = lists.data;
  if (due.length + upcoming.length + later.length + done.length === 0) {
    return <p class="empty">{t('followUpsEmpty')}</p>;
  }
  return <FollowUpLists groups={lists.data} now={Date.now()} onOpenPerson={onOpenPerson} />;
}

/** The side panel's follow-ups view: reminders due and coming, people drifting apart, the overview. */
export function FollowUpsView({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const [tab, setTab] = useState<Tab>('reminders');
  return (
    <div class="followups-view">
      <nav class="subviews" aria-label={t('followUpsViews')}>
        {(Object.keys(TABS) as Tab[]).map((id) => (
          <button key={id} type="button" aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
            {t(TABS[id])}
          </button>
        ))}
      </nav>
      {tab === 'reminders' && <Reminders onOpenPerson={onOpenPerson} />}
      {tab === 'drifting' && <DriftingList onOpenPerson={onOpenPerson} />}
      {tab === 'overview' && <OverviewView onOpenPerson={onOpenPerson} />}
    </div>
  );
}
