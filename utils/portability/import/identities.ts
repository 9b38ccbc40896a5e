/**
 * Turning what an import file says (addresses, web addresses) into Tend identities, with a
 * reason for everything left out. Same normalisation as sightings, so imported people are
 * recognised on pages.
 */
import { t } from '../../i18n';
import type { Identity } from '../../model/records';
import { toEmailAddress } from '../../identity/addresses';
import { canonicalProfileUrl } from '../../identity/profile-url';

/** An identity, or why a value from a file is not one. */
export type IdentityOutcome = { identity: Identity } | { problem: string };

/** An address from a file as an email identity, or why it is not one. */
export function emailIdentity(raw: string): IdentityOutcome {
  const value = toEmailAddress(raw);
  return value ? { identity: { kind: 'email', value } } : { problem: t('importNotAnEmail', raw.slice(0, 80)) };
}

/**
 * A web address from a file as a profile identity, or why it is not one. Address books write
 * `www.example.com` without a scheme; a site's front page (a company homepage shared by
 * everyone who works there) is not a person, and two people sharing it would be merged.
 */
export function profileIdentity(raw: string): IdentityOutcome {
  const trimmed = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const value = canonicalProfileUrl(withScheme);
  if (!value) return { problem: t('importNotAWebAddress', trimmed.slice(0, 80)) };
  if (new URL(value).pathname === '/') return { problem: t('importNotAProfile', value) };
  return { identity: { kind: 'url', value } };
}
