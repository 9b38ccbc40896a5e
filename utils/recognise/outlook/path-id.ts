/**
 * Ids Outlook on the web puts in its paths (`/mail/inbox/id/<id>`, `/calendar/item/<id>`,
 * `…/deeplink/read/<id>`): the mail and calendar recognisers read them the same way.
 */

/**
 * The segment after the first of `markers` at or past segment `from`, decoded; undefined when
 * there is none or it is longer than `max` (a page's URL is not trusted to be short).
 */
export function pathIdAfter(url: URL, markers: readonly string[], max: number, from = 1): string | undefined {
  const segments = url.pathname.split('/');
  const marker = segments.findIndex((segment, index) => index >= from && markers.includes(segment));
  const raw = marker >= 0 ? segments[marker + 1] : undefined;
  if (!raw || raw.length > max) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // A stray % is not an escape: the id is as written.
  }
}
