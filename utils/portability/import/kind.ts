/** What an import file is taken to be, from its name or its first characters (the page and the worker both ask). */

/** What a file is taken to be. */
export type ImportKind = 'vcard' | 'csv' | 'backup';

/** The kind of a file: its extension when it has a known one, else a look at its first characters. */
export function importKindOf(fileName: string, text: string): ImportKind | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'vcf' || extension === 'vcard') return 'vcard';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  if (extension === 'json') return 'backup';
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('{')) return 'backup';
  if (/^BEGIN:VCARD/im.test(start.slice(0, 4096))) return 'vcard';
  if (extension === undefined || extension === 'txt') return 'csv';
  return undefined;
}
