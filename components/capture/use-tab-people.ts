import { ask } from '../../utils/messaging/client';
import type { TabPeople } from '../../utils/model/records';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest, type Loaded } from '../shared/use-request';

/** The people last seen on a tab, and the tab they belong to (an answer can outlive a tab switch). */
export interface PeopleOfTab {
  tabId: number;
  people: TabPeople | null;
}

/** "People on this page" for a tab, read again whenever the background says the tab changed. */
export function useTabPeople(tabId: number | undefined): Loaded<PeopleOfTab> {
  const tabPeople = useRequest(tabId === undefined ? undefined : () => ask({ type: 'getTabPeople', tabId }).then((people) => ({ tabId, people })), [tabId]);
  useBroadcast(
    (message) => {
      if (message.tabId === tabId || message.tabId === undefined) tabPeople.reload();
    },
    [tabId],
  );
  return tabPeople;
}
