/**
 * Identities of a restored backup in the form Tend stores them. A backup written by hand, by
 * another tool or by an older Tend may hold `ADA@Example.com ` where Tend holds
 * `ada@example.com`: restored as written, it would make a second Ada nobody can find.
 */
import { cleanName, normaliseEmail } from '../../identity/addresses';
import { canonicalProfileUrl } from '../../identity/profile-url';
import type { Identity } from '../../model/records';

/** The value an identity has in Tend (the same normalisation as sightings and imports); empty when nothing is left of it. */
export function normalIdentityValue(identity: Identity): string {
  const { kind, value } = identity;
  if (kind === 'email') return normaliseEmail(value);
  if (kind === 'url') return canonicalProfileUrl(value) ?? value.trim();
  // Handles are written by nothing in Tend yet: the common part of its forms (marks out, NFC, lower case).
  return cleanName(value, Infinity)?.toLowerCase() ?? '';
}

/** A contact's identities in normal form, repeats and empty ones dropped, and how many were changed or dropped. */
export function normalIdentities(identities: readonly Identity[]): { identities: Identity[]; changed: number } {
  const seen = new Set<string>();
  const normal: Identity[] = [];
  let changed = 0;
  for (const identity of identities) {
    const value = normalIdentityValue(identity);
    if (value !== identity.value) changed++;
    const key = `${identity.kind}:${value}`;
    if (!value || seen.has(key)) continue;
    seen.add(key);
    normal.push({ kind: identity.kind, value });
  }
  return { identities: normal, changed };
}
