import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';
import { ask } from '../../utils/messaging/client';

/** True while the tab's page has an entry waiting from "Log this interaction" (several people or none). */
export function useMenuDraft(tabId: number | undefined): boolean {
  const waiting = useRequest(tabId === undefined ? undefined : () => ask({ type: 'getTabDraft', tabId, slot: 'menu' }), [tabId]);
  // The menu's draft is announced for its tab; a saved one goes with its note (a change of people).
  useBroadcast(() => waiting.reload(), [tabId]);
  return waiting.data?.record != null;
}
