import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { clearShownCard, getShownCard, setShownCard } from '../../utils/storage/open-person';
import { useTabId } from '../shared/use-tab-id';

/**
 * While a person's card is shown in the side panel, the popup of the same tab addresses its note
 * to them (issue 14: a note goes to one person unless the user adds more).
 */
export function useShownCard(contactId: string | undefined): void {
  const tabId = useTabId();
  useEffect(() => {
    if (tabId === undefined || contactId === undefined) return;
    void setShownCard(tabId, contactId);
    const forget = () => void clearShownCard(tabId, contactId);
    window.addEventListener('pagehide', forget);
    return () => {
      window.removeEventListener('pagehide', forget);
      forget();
    };
  }, [tabId, contactId]);
}

type Contexts = { getContexts?: (filter: object) => Promise<{ documentUrl?: string }[]> };

/** The person whose card an open side panel shows for the tab (none when no panel is open any more). */
export async function shownCardOf(tabId: number): Promise<string | undefined> {
  const contactId = await getShownCard(tabId);
  const runtime = browser.runtime as unknown as Contexts;
  if (!contactId || !runtime.getContexts) return contactId;
  // A panel that crashed never said it closed: only a panel still open counts.
  const pages = await runtime.getContexts({});
  return pages.some((page) => page.documentUrl?.includes('/sidepanel.html')) ? contactId : undefined;
}
