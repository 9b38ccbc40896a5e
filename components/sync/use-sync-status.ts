import { ask } from '../../utils/messaging/client';
import type { SyncStatus } from '../../utils/messaging/features/sync';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest, type Loaded } from '../shared/use-request';

/** Sync's state as the worker reports it, read again whenever the worker announces a change of it. */
export function useSyncStatus(): Loaded<SyncStatus> {
  const status = useRequest(() => ask({ type: 'getSyncStatus' }), []);
  useBroadcast((message) => message.sync && status.reload(), [status.reload]);
  return status;
}
