/**
 * Puts a generated page into the live document. Pages are written as HTML text and parsed with
 * DOMParser (scripts in it never run), then adopted, so the recognisers read a real Blink DOM.
 */

/** Escape text for an HTML text node or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Replace the whole live document with the parsed page; returns the page's size in UTF-8 bytes. */
export function installPage(html: string): number {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.adoptNode(parsed.documentElement);
  document.replaceChild(root, document.documentElement);
  return new TextEncoder().encode(html).length;
}

/** Parse one fragment of markup into an element of the live document (its first element). */
export function elementFrom(html: string): Element {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const element = parsed.body.firstElementChild;
  if (!element) throw new Error('bench: fragment has no element');
  return document.adoptNode(element);
}
