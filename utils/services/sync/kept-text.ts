/**
 * The "What matters" text a merge replaced, kept as an entry of the person's history as the card
 * does when two windows save it (utils/services/people/contact-edits.ts). Its id comes from the
 * person and the text, so two devices resolving the same conflict write one entry, not two.
 */
import { t } from '../../i18n';
import { MAX_NOTE, type Interaction } from '../../model/records';

/** The history entry keeping a replaced "What matters" text, written at `at`. */
export function keptWhatMattersEntry(contactId: string, text: string, at: number): Interaction {
  return {
    id: uuidFrom(`${contactId}\n${text}`),
    contactIds: [contactId],
    kind: 'note',
    at,
    summary: t('cardWhatMattersEarlier', text).slice(0, MAX_NOTE),
    createdAt: at,
  };
}

/** A version-8 UUID (RFC 9562: custom) from two 64-bit FNV-1a hashes of the text: the same text, the same id. */
export function uuidFrom(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const half = (seed: bigint) => {
    let hash = 0xcbf29ce484222325n ^ seed;
    for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
    return hash.toString(16).padStart(16, '0');
  };
  const hex = (half(0n) + half(0x9e3779b97f4a7c15n)).split('');
  hex[12] = '8'; // version
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16); // variant 10xx
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
