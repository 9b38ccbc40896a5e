import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadDraft } from '../../utils/storage/drafts';

/** True while the tab has an entry waiting from "Log this interaction" (several people or none). */
export function useMenuDraft(tabId: number | undefined): boolean {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (tabId === undefined) return;
    const check = () => void loadDraft(tabId).then((draft) => setWaiting(draft?.fromMenu === true));
    check();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && `draft:${tabId}` in changes) check();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId]);
  return waiting;
}
