/**
 * Slicing for the generic web recogniser: its reading is written once as generators that yield
 * after a bounded amount of work, so a content script can hand the main thread back on a huge
 * page (`findInSlices`), and `find` simply runs the same generators to the end.
 */

/** Work one slice does at most, in units of about one character of text read. */
export const SLICE_WORK = 65_536;

/** Visiting a node costs about as much as reading this many characters. */
export const NODE_WORK = 32;

/** One `@` looked at: a bounded expansion either side plus normalising what it found. */
export const ADDRESS_WORK = 512;

/** One element of person markup or one link read: a few attributes, a short text, an address. */
export const ITEM_WORK = 1024;

/** A reading done in slices: yields between slices, returns its result. */
export type Slices<T> = Generator<void, T, void>;

/**
 * A count of the work done in the current slice: `spend(units)` counts, and is true when the slice
 * is full (the count then starts again). A closure, not a class: shorter in the content script.
 */
export function sliceCounter(): (units: number) => boolean {
  let work = 0;
  return (units) => {
    work += units;
    if (work < SLICE_WORK) return false;
    work = 0;
    return true;
  };
}

/** Run every slice at once: the unsliced reading, with the same result. */
export function runAllSlices<T>(slices: Slices<T>): T {
  let step = slices.next();
  while (!step.done) step = slices.next();
  return step.value;
}
