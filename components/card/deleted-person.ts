/**
 * The person deleted last from a card, shared between the card (which is gone once the person is)
 * and the panel's notice that offers undo. Module state: it outlives the notice when the panel
 * switches views and back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

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
    return () => void listeners.delete(listener);
  }, []);
  return deleted;
}
