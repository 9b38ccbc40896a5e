// Size limits shared by content scripts, the protocol schemas and the model. Plain constants:
// content scripts import this file, so it must never import zod.

/** Longest text Tend keeps from a page for a name or title: pages may be hostile. */
export const MAX_NAME = 200;
/** Longest note body kept; larger input is cut by the composer with a visible mark. */
export const MAX_NOTE = 100_000;
/** RFC 5321 limits an address path to 254 characters. */
export const MAX_ADDRESS = 254;
export const MAX_URL = 2048;
/** Most people one page report may carry: the content script cuts a longer list and says so. */
export const MAX_PEOPLE_PER_SIGHTING = 500;
/** Most own addresses one page report may carry. */
export const MAX_SELF_PER_SIGHTING = 20;
