import messages from '../../public/_locales/en/messages.json';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const byName = messages as Record<string, Message>;

/**
 * chrome.i18n.getMessage for tests (WXT's fake browser has none), following Chrome's rules:
 * `$NAME$` is the placeholder's content, whose `$1`..`$9` are the substitutions; `$$` is `$`;
 * an unknown key gives "".
 */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = byName[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]));
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => subs[Number(digit) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, key: string) => {
      const content = placeholders[key.toLowerCase()];
      return content === undefined ? whole : fill(content);
    })
    .replace(/\$\$/g, '$');
}
