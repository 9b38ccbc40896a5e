import { newId } from '../ids';
import type { SightingMessage } from '../messaging/protocol';
import type { Candidate, Contact, Identity, TabPerson } from '../model';
import { getContact, putContact } from '../db/contacts-repo';
import { findContactIdByIdentity, linkIdentity } from '../db/identities-repo';
import { addInteraction, hasDedupeKey } from '../db/interactions-repo';
import { writeTx, type TendDatabase, type WriteTx } from '../db/schema';
import { toEmailAddress } from '../recognise/addresses';
import { localDay } from '../time';

export interface SightingOutcome {
  /** The people of the page, in page order, as the side panel lists them. */
  people: TabPerson[];
  /** Contacts created or given a new history entry. */
  changedContactIds: string[];
}

/** Candidates with a valid address that is not the user's own, one per address, in page order. */
export function peopleWorthKeeping(candidates: Candidate[], ownAddresses: ReadonlySet<string>) {
  const byEmail = new Map<string, { email: string; name?: string }>();
  for (const candidate of candidates) {
    const email = toEmailAddress(candidate.email);
    if (!email || ownAddresses.has(email)) continue;
    const known = byEmail.get(email);
    if (!known) byEmail.set(email, { email, name: candidate.name?.trim() || undefined });
    else known.name ??= candidate.name?.trim() || undefined;
  }
  return [...byEmail.values()];
}

/** The contact for an address: the existing one (named better if we now know a name) or a new one. */
async function resolveContact(tx: WriteTx, email: string, name: string | undefined, now: number) {
  const identity: Identity = { kind: 'email', value: email };
  const existingId = await findContactIdByIdentity(tx, identity);
  const existing = existingId ? await getContact(tx, existingId) : undefined;
  if (existing) {
    const namedByAddressOnly = existing.displayName === email;
    if (!namedByAddressOnly || !name) return { contact: existing, changed: false };
    return { contact: { ...existing, displayName: name, updatedAt: now }, changed: true };
  }
  const contact: Contact = {
    id: newId(now),
    displayName: name ?? email,
    identities: [identity],
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
  await linkIdentity(tx, identity, contact.id);
  return { contact, changed: true };
}

/**
 * Keep the people a page showed: one contact per address, and for a mail thread one
 * "seen in thread" entry per person per thread per day. One transaction: all or nothing.
 */
export async function recordSighting(
  db: TendDatabase,
  sighting: SightingMessage,
  ownAddresses: ReadonlySet<string>,
  now: number,
): Promise<SightingOutcome> {
  const keep = peopleWorthKeeping(sighting.people, ownAddresses);
  const tx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline']);
  const people: TabPerson[] = [];
  const changedContactIds: string[] = [];
  for (const { email, name } of keep) {
    let { contact, changed } = await resolveContact(tx, email, name, now);
    if (sighting.thread) {
      const dedupeKey = `sighting|${contact.id}|${sighting.thread.key}|${localDay(now)}`;
      if (!(await hasDedupeKey(tx, dedupeKey))) {
        await addInteraction(tx, {
          id: newId(now),
          contactIds: [contact.id],
          kind: 'sighting',
          at: now,
          summary: sighting.thread.subject,
          source: { url: sighting.page.url, title: sighting.thread.subject, site: sighting.site },
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
    people.push({ contactId: contact.id, displayName: contact.displayName, email });
  }
  await tx.done;
  return { people, changedContactIds };
}
