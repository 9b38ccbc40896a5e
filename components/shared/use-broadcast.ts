import { useEffect } from 'preact/hooks';
import { onBroadcast } from '../../utils/messaging/client';
import type { Broadcast } from '../../utils/messaging/protocol';

/** Run `listener` on every background broadcast while the component is mounted. */
export function useBroadcast(listener: (message: Broadcast) => void, deps: unknown[]): void {
  useEffect(() => onBroadcast(listener), deps);
}
