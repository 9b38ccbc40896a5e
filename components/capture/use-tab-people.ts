import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../utils/messaging/client';
import type { TabPeople } from '../../utils/model/records';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest, type Loaded } from '../shared/use-request';

/** The people last seen on a tab, and the tab they belong to (an answer can outlive a tab switch). */
export interface PeopleOfTab {
  tabId: number;
  people: TabPeople | null;
}

/**
 * "People on this page" for a tab, read again whenever the background says the tab changed and
 * when the tab loads a page (the worker does not watch tabs: it answers for the page shown now).
 */
export function useTabPeople(tabId: number | undefined): Loaded<PeopleOfTab> {
  const tabPeople = useRequest(tabId === undefined ? undefined : () => ask({ type: 'getTabPeople', tabId }).then((people) => ({ tabId, people })), [tabId]);
  useBroadcast(
    (message) => {
      if (message.tabId === tabId || message.tabId === undefined) tabPeople.reload();
    },
    [tabId],
  );
  const { reload } = tabPeople;
  useEffect(() => {
    if (tabId === undefined) return;
    const onUpdated = (updatedId: number, change: { status?: string }) => {
      if (updatedId === tabId && change.status === 'loading') reload();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId, reload]);
  return tabPeople;
}
