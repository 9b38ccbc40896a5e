import type { Settings } from '../../model/records';
import { toEmailAddress } from '../../identity/addresses';
import { canonicalProfileUrl } from '../../identity/profile-url';
import { passiveHistoryOn, SITES } from '../../sites';

/** What Tend may keep, derived once per sighting from the settings. */
export interface CaptureRules {
  own: ReadonlySet<string>;
  neverAddresses: ReadonlySet<string>;
  /** Profile URLs on the never-record list (it holds them beside addresses: "never record this person"). */
  neverProfiles: ReadonlySet<string>;
  neverDomains: readonly string[];
  neverSites: readonly string[];
  ignoreAutomated: boolean;
  /** Sites (recogniser ids) where Tend records no automatic "seen" entries. */
  noPassiveHistory: ReadonlySet<string>;
}

// Mailboxes that send on behalf of systems, not people. Matched on the local part before any +tag.
const AUTOMATED_LOCAL_PART = /^(?:no-?reply|do-?not-?reply|donotreply|notifications?|notify|mailer-daemon|postmaster|bounces?)$/;

/** True for noreply-style senders (noreply, no-reply, notifications, mailer-daemon...). */
export function isAutomatedSender(email: string): boolean {
  const local = email.slice(0, email.indexOf('@')).split('+')[0] ?? '';
  return AUTOMATED_LOCAL_PART.test(local);
}

const lowerHost = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/^\*\./, '')
    .replace(/^www\./, '');

/** `host` is `domain` or one of its subdomains. */
export function hostWithin(host: string, domain: string): boolean {
  const h = lowerHost(host);
  const d = lowerHost(domain);
  return d.length > 0 && (h === d || h.endsWith(`.${d}`));
}

export function captureRulesFrom(settings: Settings, extraOwn: Iterable<string> = []): CaptureRules {
  const addresses = (list: Iterable<string>) => new Set([...list].map(toEmailAddress).filter((a): a is string => !!a));
  return {
    own: addresses([...settings.ownAddresses, ...extraOwn]),
    neverAddresses: addresses(settings.neverCapture.addresses),
    neverProfiles: new Set(settings.neverCapture.addresses.map((entry) => canonicalProfileUrl(entry)).filter((url): url is string => !!url)),
    neverDomains: settings.neverCapture.domains.map(lowerHost).filter(Boolean),
    neverSites: settings.neverCapture.sites.map(lowerHost).filter(Boolean),
    ignoreAutomated: settings.ignoreAutomatedSenders,
    // A switch the user never touched follows its site's default (off for calendars).
    noPassiveHistory: new Set([
      ...Object.entries(settings.passiveHistory).flatMap(([site, on]) => (on ? [] : [site])),
      ...SITES.filter((site) => !passiveHistoryOn(site, settings.passiveHistory)).map((site) => site.id),
    ]),
  };
}

/** Nothing is recorded from a page on a never-capture site. */
export function siteIsNeverCaptured(pageUrl: string, rules: CaptureRules): boolean {
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return true;
  }
  return rules.neverSites.some((site) => hostWithin(host, site));
}

/** May this (canonical) profile URL be kept as a person's identity? */
export const mayCaptureProfile = (profileUrl: string, rules: CaptureRules): boolean => !rules.neverProfiles.has(profileUrl);

/** May this (normalised) address be kept as a person? */
export function mayCaptureAddress(email: string, rules: CaptureRules): boolean {
  if (rules.own.has(email) || rules.neverAddresses.has(email)) return false;
  const domain = email.slice(email.indexOf('@') + 1);
  if (rules.neverDomains.some((d) => hostWithin(domain, d))) return false;
  return !(rules.ignoreAutomated && isAutomatedSender(email));
}
