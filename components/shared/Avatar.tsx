/** Initials for a display name: first letters of the first and last word, or the first two characters of an address. */
export function initials(name: string): string {
  const words = name
    .replace(/@.*$/, '')
    .split(/[\s._-]+/u)
    .filter((word) => /\p{L}|\p{N}/u.test(word));
  if (words.length === 0) return '?';
  const first = [...words[0]!].find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? '';
  if (words.length === 1)
    return [...words[0]!]
      .filter((ch) => /\p{L}|\p{N}/u.test(ch))
      .slice(0, 2)
      .join('')
      .toLocaleUpperCase();
  const last = [...words[words.length - 1]!].find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? '';
  return (first + last).toLocaleUpperCase();
}

/** A stable hue for an id, so a person keeps their colour across views and sessions. */
export function avatarHue(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

/** A round badge with a person's initials; decorative (the name is always shown beside it). */
export function Avatar({ id, name, size = 'small' }: { id: string; name: string; size?: 'small' | 'large' }) {
  return (
    <span class={`avatar ${size}`} aria-hidden="true" style={{ '--avatar-hue': String(avatarHue(id)) }}>
      {initials(name)}
    </span>
  );
}
