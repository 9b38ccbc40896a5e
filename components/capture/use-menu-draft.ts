import { useEffect, useState } from 'preact/hooks';
import { loadDraft, watchDraft } from '../../utils/storage/drafts';

/** True while the tab has an entry waiting from "Log this interaction" (several people or none). */
export function useMenuDraft(tabId: number | undefined): boolean {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (tabId === undefined) return;
    void loadDraft(tabId).then((draft) => setWaiting(draft?.fromMenu === true));
    return watchDraft(tabId, (draft) => setWaiting(draft?.fromMenu === true));
  }, [tabId]);
  return waiting;
}
