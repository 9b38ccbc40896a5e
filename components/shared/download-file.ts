/** A file made in the page, handed to the browser's downloads through a blob link. */
export interface MadeFile {
  name: string;
  /** A Blob for files longer than one string may be (a large backup). */
  text: string | Blob;
  /** MIME type, e.g. `text/csv;charset=utf-8`. */
  type: string;
}

/**
 * Save a file through `<a download>` on an object URL: no `downloads` permission needed, and the
 * browser shows its usual download UI.
 */
export function downloadFile({ name, text, type }: MadeFile): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; revoking at once can cancel it in some builds.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
