import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** `?tab=<id>` in the page URL: act for that tab (tests, popped-out windows). */
export function tabFromQuery(search: string): number | undefined {
  const value = Number(new URLSearchParams(search).get('tab') ?? Number.NaN);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * The tab this page is about: the `?tab=` one if given, else the active tab of this window,
 * followed as the user switches tabs.
 */
export function useTabId(): number | undefined {
  const fixed = tabFromQuery(location.search);
  const [tabId, setTabId] = useState<number | undefined>(fixed);
  useEffect(() => {
    if (fixed !== undefined) return;
    let windowId: number | undefined;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
      setTabId(tab?.id);
    });
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixed]);
  return tabId;
}
