// Limits shared by content scripts and the protocol schemas. Plain constants: content scripts
// import this file, so it must never import zod.

/** Most people one page report may carry: the content script cuts a longer list and says so. */
export const MAX_PEOPLE_PER_SIGHTING = 500;
/** Most own addresses one page report may carry. */
export const MAX_SELF_PER_SIGHTING = 20;
