/**
 * The person deleted last from a card, shared between the card (which is gone once the person is)
 * and the panel's notice that offers undo. Module state: it outlives the notice when the panel
 * switches views and back. A panel opened after the delete (closed and opened again within the
 * undo window) learns it from the worker, which keeps what undo needs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../utils/messaging/client';

/** A delete the panel can still offer to undo, and what undo said once it ran. */
export interface DeletedPerson {
  contactId: string;
  displayName: string;
  /** Their addresses went on the never-record list. */
  neverRecorded: boolean;
  /** Set once undone: what the notice says then. */
  restored?: string;
}

let last: DeletedPerson | undefined;
type Listener = (deleted: DeletedPerson, fresh: boolean) => void;
const listeners = new Set<Listener>();

function publish(deleted: DeletedPerson, fresh: boolean) {
  last = deleted;
  for (const listener of listeners) listener(deleted, fresh);
}

/** Tell the panel a person was deleted (the card calls this once the worker confirmed it). */
export const announcePersonDeleted = (deleted: DeletedPerson): void => publish(deleted, true);

/** The delete was undone: the notice says `message` instead of offering undo. */
export function markPersonRestored(contactId: string, message: string): void {
  if (last?.contactId === contactId) publish({ ...last, restored: message }, false);
}

let askedWorker = false;

/** Once per page: the delete the worker can still undo, unless this page has heard of one already. */
function recallFromWorker(): void {
  if (askedWorker) return;
  askedWorker = true;
  void ask({ type: 'lastDeletedPerson' }).then(
    (deleted) => {
      if (deleted && !last) publish({ contactId: deleted.contactId, displayName: deleted.displayName, neverRecorded: deleted.neverRecorded }, false);
    },
    // Without the answer the panel only misses an old undo offer; the card works as before.
    (error: unknown) => console.warn('Tend: could not read the last deletion', error),
  );
}

/** The person deleted last; `onDeleted` hears each new delete once (not when the notice mounts again). */
export function useDeletedPerson(onDeleted: (deleted: DeletedPerson) => void): DeletedPerson | undefined {
  const [deleted, setDeleted] = useState(last);
  const latest = useRef(onDeleted);
  latest.current = onDeleted;
  useEffect(() => {
    const listener: Listener = (next, fresh) => {
      setDeleted(next);
      if (fresh) latest.current(next);
    };
    listeners.add(listener);
    recallFromWorker();
    return () => void listeners.delete(listener);
  }, []);
  return deleted;
}
