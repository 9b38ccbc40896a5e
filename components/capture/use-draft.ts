import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../utils/messaging/client';
import { draftKey, type Draft, type DraftAbout } from '../../utils/model/drafts';

/** Where a draft is and what it holds when it is opened. */
export interface OpenedDraft {
  about: DraftAbout;
  /** The stored draft, if there is one. */
  stored?: Draft;
}

/** A draft being edited (see useDraft). */
export interface DraftState {
  about?: DraftAbout;
  /** Undefined until the stored draft (or a fresh one) is loaded. */
  draft?: Draft;
  /** True when the draft came from storage (text typed earlier, shown again). */
  restored: boolean;
  /** Change the draft; it is sent to the worker at once (`persist`: false keeps it on the page only). */
  update(change: Partial<Draft> | ((current: Draft) => Partial<Draft>), persist?: boolean): void;
  /** Start afresh after a confirmed save: nothing pending is sent any more. */
  reset(next?: Draft): void;
  /** The last failure to keep the draft, if any. */
  error?: string;
}

/**
 * One draft mechanism for every text a user types: loaded with `open` (a stored draft, or `fresh()`;
 * without `open`, kept in memory only),
 * saved to the worker on every change (one save on its way at a time: changes made meanwhile go
 * as one when it is answered), flushed when the page is hidden or closed, and cleared by the
 * worker when the save it belongs to commits.
 */
export function useDraft(open: (() => Promise<OpenedDraft>) | undefined, deps: unknown[], fresh: () => Draft): DraftState {
  const [about, setAbout] = useState<DraftAbout>();
  // Kept in memory only (no `open`): ready at once.
  const [draft, setDraft] = useState<Draft | undefined>(() => (open ? undefined : fresh()));
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState<string>();
  const pending = useRef<{ about: DraftAbout; draft: Draft } | undefined>(undefined);
  const sending = useRef(false);
  // Text typed before the stored draft has loaded: it wins over what loads (never overwritten).
  const typedEarly = useRef<Draft | undefined>(undefined);

  // Every change is sent, without waiting for a pause: a browser quitting 100 ms after a
  // keystroke must still find it stored. While one save is on its way, later changes wait for
  // its answer and go as one; `now` (the page is going away) sends what waits at once.
  const send = (now = false) => {
    const waiting = pending.current;
    if (!waiting || (sending.current && !now)) return;
    pending.current = undefined;
    sending.current = true;
    void ask({ type: 'putDraft', ...waiting })
      .then(
        () => setError(undefined),
        (failure: Error) => setError(failure.message),
      )
      .finally(() => {
        sending.current = false;
        send();
      });
  };

  useEffect(() => {
    if (!open) return;
    let current = true;
    typedEarly.current = undefined;
    void open().then(
      (opened) => {
        if (!current) return;
        setAbout(opened.about);
        const early = typedEarly.current;
        typedEarly.current = undefined;
        if (early) {
          setDraft(early);
          setRestored(false);
          pending.current = { about: opened.about, draft: early };
          send();
          return;
        }
        setDraft(opened.stored ?? fresh());
        setRestored(opened.stored !== undefined);
      },
      (failure: Error) => current && (setError(failure.message), setDraft(fresh())),
    );
    return () => {
      current = false;
      // Switching to another thing (another person, another page): what was typed is kept first.
      send(true);
    };
  }, deps);

  useEffect(() => {
    // A closing popup or panel gets no later chance: what waits for the pause is sent now.
    const listener = (event: Event) => {
      if (event.type === 'pagehide' || document.visibilityState === 'hidden') send(true);
    };
    window.addEventListener('pagehide', listener);
    document.addEventListener('visibilitychange', listener);
    return () => {
      window.removeEventListener('pagehide', listener);
      document.removeEventListener('visibilitychange', listener);
      send(true);
    };
  }, []);

  const update = (change: Partial<Draft> | ((current: Draft) => Partial<Draft>), persist = true) => {
    setDraft((previous) => {
      const base = previous ?? fresh();
      const next = { ...base, ...(typeof change === 'function' ? change(base) : change) };
      if (persist && about) {
        pending.current = { about, draft: next };
        send();
      } else if (persist && open) typedEarly.current = next;
      return next;
    });
  };

  const reset = (next = fresh()) => {
    pending.current = undefined;
    setRestored(false);
    setDraft(next);
  };

  return { about, draft, restored, update, reset, ...(error && { error }) };
}

/** useDraft for the draft kept under `about`, read from the worker whenever `about` changes. */
export function useDraftAbout(about: DraftAbout | undefined, fresh: () => Draft): DraftState {
  return useDraft(
    about &&
      (async () => {
        const record = await ask({ type: 'getDraft', about });
        return { about, ...(record && { stored: record.draft }) };
      }),
    [about && draftKey(about)],
    fresh,
  );
}
