import { newId } from '../../ids';
import type { SightingMessage } from '../../messaging/protocol';
import type { Candidate, Contact, Identity, TabPerson } from '../../model/records';
import { getContact, putContact } from '../../db/contacts-repo';
import { findContactIdByIdentity, linkIdentity } from '../../db/identities-repo';
import { addInteraction, hasDedupeKey } from '../../db/interactions-repo';
import { writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { cleanName, toEmailAddress } from '../../identity/addresses';
import { canonicalProfileUrl } from '../../identity/profile-url';
import { localDay } from '../../time/local-day';
import { MAX_NAME } from '../../model/limits';
import { mayCaptureAddress, mayCaptureProfile, siteIsNeverCaptured, type CaptureRules } from './capture-rules';
import { pageSavesNewPeople, placePerson } from './save-or-list';

export interface SightingOutcome {
  /** The people of the page, in page order, as the side panel lists them. */
  people: TabPerson[];
  /** Its role addresses and mailing lists, listed apart ("Teams and mailboxes"). */
  mailboxes: TabPerson[];
  /** Contacts created or given a new history entry. */
  changedContactIds: string[];
}

/** A person worth keeping: at least one identity, or a name shown as unconfirmed. */
export interface KeptPerson {
  name?: string;
  email?: string;
  profileUrl?: string;
  /** The person's other addresses, from the same card (candidates sharing a `card`). */
  more?: string[];
  /** The person's other profile URLs, from the same card (a homepage, GitHub, LinkedIn...). */
  moreUrls?: string[];
  /** Sent the newest message of the thread (the mail recogniser says who: Candidate.newest). */
  newest?: boolean;
}

/**
 * The candidates Tend may keep, one per identity, in page order: addresses normalised and checked
 * against the capture rules, profile URLs canonicalised, names cleaned; candidates of one card are
 * one person with all their addresses. Name-only candidates are kept (as unconfirmed) only when no
 * candidate with an identity carries the same name.
 */
export function peopleWorthKeeping(candidates: Candidate[], rules: CaptureRules): KeptPerson[] {
  const kept: KeptPerson[] = [];
  const byIdentity = new Map<string, KeptPerson>();
  const byCard = new Map<number, KeptPerson>();
  const nameOnly: KeptPerson[] = [];
  for (const candidate of candidates) {
    const rawEmail = toEmailAddress(candidate.email);
    if (candidate.email && !rawEmail) continue;
    if (rawEmail && !mayCaptureAddress(rawEmail, rules)) continue;
    const email = rawEmail;
    const profileUrl = candidate.profileUrl ? canonicalProfileUrl(candidate.profileUrl) : undefined;
    if (profileUrl && !mayCaptureProfile(profileUrl, rules)) continue;
    const name = cleanName(candidate.name);
    if (!email && !profileUrl) {
      if (name) nameOnly.push({ name });
      continue;
    }
    const { card } = candidate;
    const newest = candidate.newest;
    const known =
      (email && byIdentity.get(`e:${email}`)) || (profileUrl && byIdentity.get(`u:${profileUrl}`)) || (card !== undefined ? byCard.get(card) : undefined);
    if (known) {
      known.name ??= name;
      if (email && known.email && known.email !== email && !known.more?.includes(email)) {
        (known.more ??= []).push(email);
        byIdentity.set(`e:${email}`, known);
      }
      known.email ??= email;
      if (profileUrl && known.profileUrl && known.profileUrl !== profileUrl && !known.moreUrls?.includes(profileUrl)) {
        (known.moreUrls ??= []).push(profileUrl);
        byIdentity.set(`u:${profileUrl}`, known);
      }
      known.profileUrl ??= profileUrl;
      known.newest ||= newest;
    } else {
      const person: KeptPerson = { name, email, profileUrl, newest };
      kept.push(person);
      if (email) byIdentity.set(`e:${email}`, person);
      if (profileUrl) byIdentity.set(`u:${profileUrl}`, person);
      if (card !== undefined) byCard.set(card, person);
    }
  }
  const namesWithIdentity = new Set(kept.map((p) => p.name?.toLowerCase()));
  const unconfirmed = nameOnly.filter((p, i) => {
    const key = p.name!.toLowerCase();
    return !namesWithIdentity.has(key) && nameOnly.findIndex((q) => q.name!.toLowerCase() === key) === i;
  });
  return [...kept, ...unconfirmed];
}

const identitiesOf = (person: KeptPerson): Identity[] => [
  ...[person.email, ...(person.more ?? [])].flatMap((value) => (value ? [{ kind: 'email' as const, value }] : [])),
  ...[person.profileUrl, ...(person.moreUrls ?? [])].flatMap((value) => (value ? [{ kind: 'url' as const, value }] : [])),
];

/**
 * The contact for a person: the one any of their identities already belongs to (gaining the
 * identities it lacked, and a real name if it only had an address), or a new one. An identity
 * that belongs to another contact stays there: merging people is the user's decision.
 */
export async function resolveContact(tx: WriteTx, person: KeptPerson, now: number): Promise<{ contact: Contact; changed: boolean }> {
  const identities = identitiesOf(person);
  const owners = await Promise.all(identities.map((identity) => findContactIdByIdentity(tx, identity)));
  const ownerId = owners.find(Boolean);
  const existing = ownerId ? await getContact(tx, ownerId) : undefined;
  const unclaimed = identities.filter((_, i) => !owners[i]);
  const fallbackName = person.email ?? person.profileUrl ?? '';
  let contact: Contact = existing ?? {
    id: newId(now),
    displayName: person.name ?? fallbackName,
    identities: [],
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
  let changed = !existing;
  if (unclaimed.length > 0) {
    contact = { ...contact, identities: [...contact.identities, ...unclaimed], updatedAt: now };
    for (const identity of unclaimed) await linkIdentity(tx, identity, contact.id);
    changed = true;
  }
  const namedByIdentityOnly = contact.identities.some((identity) => identity.value === contact.displayName);
  if (existing && person.name && namedByIdentityOnly) {
    contact = { ...contact, displayName: person.name, updatedAt: now };
    changed = true;
  }
  return { contact, changed };
}

/** The contact any of this person's identities already belongs to, if any (nothing is written). */
async function knownContactId(tx: WriteTx, person: KeptPerson): Promise<string | undefined> {
  for (const identity of identitiesOf(person)) {
    const owner = await findContactIdByIdentity(tx, identity);
    if (owner) return owner;
  }
  return undefined;
}

/**
 * Keep the people a page showed. A mail thread or a profile page saves them: one contact per person
 * (matched by any identity) and, for a thread, one "seen in thread" entry per person per thread per
 * day. Any other page only lists the people Tend does not know yet (the user adds them), and
 * records a "seen" entry once per page per day on those it knows. Role addresses and mailing lists
 * are listed apart and never saved unasked. One transaction: all or nothing.
 */
export async function recordSighting(db: TendDatabase, sighting: SightingMessage, rules: CaptureRules, now: number): Promise<SightingOutcome> {
  if (siteIsNeverCaptured(sighting.page.url, rules)) return { people: [], mailboxes: [], changedContactIds: [] };
  const keep = peopleWorthKeeping(sighting.people, rules);
  // A calendar event's guests are people like a thread's correspondents (the user met them).
  const pageSaves = pageSavesNewPeople(sighting) || sighting.event !== undefined;
  const tx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline']);
  const people: TabPerson[] = [];
  const mailboxes: TabPerson[] = [];
  const changedContactIds: string[] = [];
  const listed = new Map<string, TabPerson>();
  let newestSender: TabPerson | undefined;
  // What a "seen" entry points at: the thread, or (on a page that only lists people) the page. A
  // calendar event gets none: its automatic history is the meeting logged after it ended (meetings/auto-log.ts).
  const visit = sighting.thread
    ? { key: sighting.thread.key, title: sighting.thread.subject }
    : !pageSaves
      ? { key: sighting.page.url, title: (sighting.page.title || sighting.page.url).slice(0, MAX_NAME) }
      : undefined;
  for (const person of keep) {
    if (!person.email && !person.profileUrl) {
      people.push({ displayName: person.name ?? '' });
      continue;
    }
    const { mailbox, saveIfNew } = placePerson(person.email, pageSaves);
    const rows = mailbox ? mailboxes : people;
    if (!saveIfNew && !(await knownContactId(tx, person))) {
      rows.push({
        displayName: person.name ?? person.email ?? person.profileUrl ?? '',
        ...(person.email && { email: person.email }),
        ...(person.profileUrl && { profileUrl: person.profileUrl }),
        // The card's other addresses: adding the row saves them all (listed.ts).
        ...(person.more && { more: person.more }),
        ...(person.moreUrls && { moreUrls: person.moreUrls }),
        ...(mailbox && { mailbox }),
      });
      continue;
    }
    let { contact, changed } = await resolveContact(tx, person, now);
    if (visit && !rules.noPassiveHistory.has(sighting.site)) {
      const dedupeKey = `sighting|${contact.id}|${visit.key}|${localDay(now)}`;
      if (!(await hasDedupeKey(tx, dedupeKey))) {
        await addInteraction(tx, {
          id: newId(now),
          contactIds: [contact.id],
          kind: 'sighting',
          at: now,
          summary: visit.title,
          source: { url: sighting.page.url, title: visit.title, site: sighting.site },
          dedupeKey,
          createdAt: now,
        });
        contact = { ...contact, lastInteractionAt: now, updatedAt: now };
        changed = true;
      }
    }
    if (changed) {
      await putContact(tx, contact);
      changedContactIds.push(contact.id);
    }
    // Two candidates can turn out to be one contact (an address and a profile linked earlier).
    let row = listed.get(contact.id);
    if (!row) {
      row = {
        contactId: contact.id,
        displayName: contact.displayName,
        email: person.email,
        profileUrl: person.profileUrl,
        ...(localDay(contact.createdAt) === localDay(now) && { newToday: true }),
        ...(mailbox && { mailbox }),
      };
      listed.set(contact.id, row);
      rows.push(row);
    }
    if (person.newest) newestSender = row;
  }
  await tx.done;
  // Candidates keep the order people first appear in, which says nothing of who wrote last (A
  // writes, B replies, A writes again): the recogniser, which reads the messages, says who did.
  if (newestSender) newestSender.newestSender = true;
  return { people, mailboxes, changedContactIds };
}
