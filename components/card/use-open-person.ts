import { useEffect } from 'preact/hooks';
import { onOpenPersonRequested, takeOpenPersonRequest } from '../../utils/storage/open-person';

/**
 * Open the person a clicked reminder asked for: one waiting when the panel opens, and any asked
 * for while it is open. `ready` holds it back until the panel knows its tab (which resets the card).
 */
export function useOpenPersonRequests(ready: boolean, open: (contactId: string) => void): void {
  useEffect(() => {
    if (!ready) return;
    const serve = () => void takeOpenPersonRequest().then((contactId) => contactId && open(contactId));
    serve();
    return onOpenPersonRequested(serve);
  }, [ready]);
}
