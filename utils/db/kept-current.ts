/**
 * The one loop the worker's derived state (search index, People roster, Overview aggregate) is
 * brought up to date by: one maintenance run at a time, however many requests wait for it, and
 * again while commits that landed during a run left it behind.
 */

/** Derived state that may have a maintenance run under way. */
export interface Maintained {
  work?: Promise<void>;
}

/** Wait until `isCurrent(state)`, running `maintain` (never two at once) while it is not. */
export async function keptCurrent<S extends Maintained>(state: S, isCurrent: (state: S) => boolean, maintain: (state: S) => Promise<void>): Promise<S> {
  for (;;) {
    if (state.work) {
      await state.work;
      continue;
    }
    if (isCurrent(state)) return state;
    state.work = maintain(state).finally(() => (state.work = undefined));
  }
}
