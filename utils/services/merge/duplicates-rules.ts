/**
 * The rules that make two people look like one. Each rule turns a person into keys; two people
 * sharing a key are suggested as duplicates with that rule's reason. Suggestions only: Tend never
 * merges on its own (DESIGN: no folding of Gmail dots or plus tags without the user's say).
 */
import type { DuplicateRule } from '../../messaging/features/search';
import { t } from '../../i18n';
import type { Contact } from '../../model/records';
import { canonicalProfileUrl } from '../../identity/profile-url';
import { profileSiteName } from '../../sites';
import { tokenize } from '../../search/tokens';

/** One key of a person under one rule, with the words that explain a match on it. */
export interface DuplicateKey {
  rule: DuplicateRule;
  key: string;
  /** What of this person gave the key: their name, a profile URL, an address. */
  value: string;
  /** The profile's site, for the reason's wording. */
  site?: string;
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox an address delivers to, ignoring what the provider ignores: Gmail drops dots in
 * the local part and treats googlemail.com as gmail.com; most providers drop a `+tag`.
 */
export function mailboxOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/** A profile's site and handle in a form that ignores how the link was written. */
function profileKey(url: string): { key: string; site: string } | undefined {
  const canonical = canonicalProfileUrl(url) ?? url;
  const match = /^https?:\/\/(?:www\.)?([^/]+)(\/.*)?$/i.exec(canonical);
  if (!match) return undefined;
  const host = match[1]!.toLowerCase();
  return { key: `${host}${(match[2] ?? '').replace(/\/+$/, '').toLowerCase()}`, site: profileSiteName(host) };
}

/** A name worth comparing: at least two words, and not just one of the person's addresses. */
function nameKey(contact: Contact): string | undefined {
  if (contact.identities.some((identity) => identity.value === contact.displayName)) return undefined;
  const words = tokenize(contact.displayName).map((token) => token.term);
  return words.length >= 2 ? words.join(' ') : undefined;
}

/** Every key of a person under every rule. */
export function duplicateKeys(contact: Contact): DuplicateKey[] {
  const keys: DuplicateKey[] = [];
  const name = nameKey(contact);
  if (name) keys.push({ rule: 'same-name', key: `name:${name}`, value: contact.displayName });
  for (const identity of contact.identities) {
    if (identity.kind === 'url') {
      const profile = profileKey(identity.value);
      if (profile) keys.push({ rule: 'same-profile', key: `profile:${profile.key}`, value: identity.value, site: profile.site });
    } else if (identity.kind === 'email') {
      const mailbox = mailboxOf(identity.value);
      if (mailbox) keys.push({ rule: 'same-mailbox', key: `mailbox:${mailbox}`, value: identity.value });
    }
  }
  return keys;
}

/** Why two people sharing a key may be one person, in words for the user. */
export function pairReason(first: DuplicateKey, second: DuplicateKey): string {
  switch (first.rule) {
    case 'same-name':
      return t('duplicateSameName', first.value);
    case 'same-profile':
      return first.value === second.value
        ? t('duplicateSameProfile', first.site ?? '', first.value)
        : t('duplicateSameProfileTwoWays', first.site ?? '', first.value, second.value);
    case 'same-mailbox':
      // One address on two people: the index gives it to one of them, and sync brings the other
      // (the same person saved on two devices before they synced).
      return first.value === second.value ? t('duplicateSameAddress', first.value) : t('duplicateSameMailbox', first.value, second.value);
  }
}
