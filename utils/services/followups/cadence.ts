/**
 * Keep-in-touch cadences: how often the user wants to be in touch with someone, and how far they
 * have drifted. The clock runs from the last interaction of any kind (a note, a logged call, a
 * sighting in a mail thread), so a reminder never fires the day after you talked.
 */
import { DAY } from '../../time/dates';
import type { Contact, Settings } from '../../model/records';

/** From this share of the cadence on, the person shows amber ("soon"). */
export const AMBER_FROM = 0.8;

/** On track, soon (from AMBER_FROM), or past the cadence. */
export type CadenceLevel = 'green' | 'amber' | 'red';

/** How often to be in touch with someone, and why. */
export interface Cadence {
  days: number;
  /** Where it comes from: the person's own, a tag's default, or the default for everyone. */
  source: 'person' | 'tag' | 'default';
  tag?: string;
}

/** Where someone stands against their cadence now. */
export interface CadenceStatus extends Cadence {
  level: CadenceLevel;
  /** When the clock last reset: the last interaction, or when Tend first met them. */
  since: number;
  /** When they pass their cadence. */
  dueAt: number;
  /** Time since the reset as a share of the cadence: 1 means exactly due. */
  share: number;
  /** Whole days past the cadence (0 until then). */
  overdueDays: number;
}

/** How tags compare: "Family " and "family" are one tag. */
export const tagKey = (tag: string) => tag.trim().toLowerCase();

/** What of a person their cadence depends on (the People view passes its compact rows). */
export type CadenceSubject = Pick<Contact, 'cadenceDays' | 'tags' | 'lastInteractionAt' | 'createdAt'>;

const byTagKey = new WeakMap<Settings['tagCadences'], Map<string, number>>();

/** The tags' cadences by tag key, made once per settings (the drift of every person asks for them). */
function tagCadences(settings: Settings): Map<string, number> {
  let byTag = byTagKey.get(settings.tagCadences);
  if (!byTag) byTagKey.set(settings.tagCadences, (byTag = new Map(Object.entries(settings.tagCadences).map(([tag, days]) => [tagKey(tag), days]))));
  return byTag;
}

/**
 * The cadence that applies to a person: their own; else the shortest among their tags' cadences
 * (the closest circle they belong to wins); else the default for everyone, if set.
 */
export function cadenceOf(contact: CadenceSubject, settings: Settings): Cadence | undefined {
  if (contact.cadenceDays) return { days: contact.cadenceDays, source: 'person' };
  const byTag = tagCadences(settings);
  let best: Cadence | undefined;
  for (const tag of contact.tags) {
    const days = byTag.get(tagKey(tag));
    if (days !== undefined && (!best || days < best.days)) best = { days, source: 'tag', tag };
  }
  if (best) return best;
  return settings.defaultCadenceDays ? { days: settings.defaultCadenceDays, source: 'default' } : undefined;
}

/** Green, amber (from 80% of the cadence) or red (past it), or undefined without a cadence. */
export function cadenceStatus(contact: CadenceSubject, settings: Settings, now: number): CadenceStatus | undefined {
  const cadence = cadenceOf(contact, settings);
  if (!cadence) return undefined;
  const since = contact.lastInteractionAt ?? contact.createdAt;
  const span = cadence.days * DAY;
  const share = Math.max(0, now - since) / span;
  const level: CadenceLevel = share >= 1 ? 'red' : share >= AMBER_FROM ? 'amber' : 'green';
  const overdueDays = Math.max(0, Math.floor((now - since - span) / DAY));
  return { ...cadence, level, since, dueAt: since + span, share, overdueDays };
}

/** People past their cadence, the furthest drifted (as a share of their cadence) first. */
export function driftingPeople<T extends CadenceSubject & Pick<Contact, 'displayName'>>(contacts: T[], settings: Settings, now: number) {
  return contacts
    .flatMap((contact) => {
      const status = cadenceStatus(contact, settings, now);
      return status?.level === 'red' ? [{ contact, status }] : [];
    })
    .sort((a, b) => b.status.share - a.status.share || a.contact.displayName.localeCompare(b.contact.displayName));
}
