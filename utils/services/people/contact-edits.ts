import { getContact, putContact } from '../../db/contacts-repo';
import { findContactIdByIdentity, linkIdentity, unlinkIdentity } from '../../db/identities-repo';
import { addInteraction } from '../../db/interactions-repo';
import { identityKey, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { newId } from '../../ids';
import type { DraftAbout } from '../../model/drafts';
import { MAX_NOTE, type Contact, type ContactPatch, type Identity } from '../../model/records';
import { toEmailAddress } from '../../identity/addresses';
import { canonicalProfileUrl } from '../../identity/profile-url';
import { clearDraftHoldingIn } from '../drafts/drafts';

async function contactOrFail(tx: WriteTx, contactId: string): Promise<Contact> {
  const contact = await getContact(tx, contactId);
  if (contact) return contact;
  tx.abort();
  await tx.done.catch(() => undefined);
  throw new TendError('not-found', t('errorPersonGone'));
}

/** Apply a patch: `null` removes an optional field, `undefined` leaves it. */
function patched(contact: Contact, patch: ContactPatch, now: number): Contact {
  const next: Record<string, unknown> = { ...contact, updatedAt: now };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null || value === '') delete next[field];
    else next[field] = field === 'tags' ? [...new Set(value as string[])] : value;
  }
  return next as Contact;
}

/**
 * Save edits of a person's fields; each field is written as sent, so two pages editing different
 * fields both keep their edit. A stage change is also recorded on the timeline.
 */
export async function updateContact(db: TendDatabase, contactId: string, patch: ContactPatch, now: number): Promise<Contact> {
  const tx = writeTx(db, ['contacts', 'interactions', 'timeline']);
  const next = await applyPatch(tx, await contactOrFail(tx, contactId), patch, now);
  await tx.done;
  return next;
}

/** What saving a card field did. */
export interface FieldSaved {
  contact: Contact;
  /** True when another window had saved "What matters" meanwhile: that text is now an entry of the history. */
  keptEarlier: boolean;
}

/** How a card field's save was typed: the text it started from, and the draft it was typed in. */
export interface FieldSaveContext {
  /** The "What matters" text the editor started from ('' for none). */
  base?: string;
  /** The draft and the text it held when this save left: removed with the save if it still holds it. */
  draft?: { about: DraftAbout; text: string };
}

/**
 * Save a card field typed in a draft. When "What matters" holds another text than the one the
 * editor started from (another panel saved meanwhile), neither is lost: the text being replaced
 * becomes an entry of the person's history, in the same transaction, and the answer says so.
 */
export async function saveCardField(db: TendDatabase, contactId: string, patch: ContactPatch, context: FieldSaveContext, now: number): Promise<FieldSaved> {
  const tx = writeTx(db, ['contacts', 'interactions', 'timeline', 'drafts']);
  const contact = await contactOrFail(tx, contactId);
  const stored = contact.whatMatters ?? '';
  const replaced =
    patch.whatMatters !== undefined && context.base !== undefined && stored !== context.base && stored !== (patch.whatMatters ?? '') && stored.trim() !== '';
  if (replaced) {
    const summary = t('cardWhatMattersEarlier', stored).slice(0, MAX_NOTE);
    await addInteraction(tx, { id: newId(now), contactIds: [contactId], kind: 'note', at: now, summary, createdAt: now });
  }
  const next = await applyPatch(tx, contact, patch, now);
  if (context.draft) await clearDraftHoldingIn(tx, context.draft.about, context.draft.text);
  await tx.done;
  return { contact: next, keptEarlier: replaced };
}

/** Write a patched person; a stage change is also recorded on the timeline. */
async function applyPatch(tx: WriteTx, contact: Contact, patch: ContactPatch, now: number): Promise<Contact> {
  const contactId = contact.id;
  const next = patched(contact, patch, now);
  await putContact(tx, next);
  if (patch.stage !== undefined && (patch.stage ?? undefined) !== contact.stage) {
    const from = contact.stage ?? 'no stage';
    const to = patch.stage ?? 'no stage';
    await addInteraction(tx, {
      id: newId(now),
      contactIds: [contactId],
      kind: 'stage',
      at: now,
      summary: `Stage: ${from} → ${to}`,
      stage: { ...(contact.stage && { from: contact.stage }), ...(patch.stage && { to: patch.stage }) },
      createdAt: now,
    });
  }
  return next;
}

/** An address or profile URL typed by the user, normalised; an error says what is wrong. */
export function parseIdentity(raw: string): Identity {
  const email = toEmailAddress(raw);
  if (email) return { kind: 'email', value: email };
  const url = /^https?:\/\//i.test(raw.trim()) ? canonicalProfileUrl(raw.trim()) : undefined;
  if (url) return { kind: 'url', value: url };
  throw new TendError('invalid', t('errorNotAnIdentity', raw.trim()));
}

/** Give a person another address or profile URL. One already someone else's is refused, naming them. */
export async function addIdentity(db: TendDatabase, contactId: string, raw: string, now: number): Promise<Contact> {
  const identity = parseIdentity(raw);
  const tx = writeTx(db, ['contacts', 'identities']);
  const contact = await contactOrFail(tx, contactId);
  const owner = await findContactIdByIdentity(tx, identity);
  if (owner === contactId) {
    await tx.done;
    return contact;
  }
  if (owner) {
    const other = await getContact(tx, owner);
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new TendError('invalid', t('errorIdentityTaken', identity.value, other?.displayName ?? t('errorIdentityTakenSomeone')));
  }
  const next = { ...contact, identities: [...contact.identities, identity], updatedAt: now };
  await linkIdentity(tx, identity, contactId);
  await putContact(tx, next);
  await tx.done;
  return next;
}

/** Take an address or profile URL off a person; Tend will no longer match them by it. */
export async function removeIdentity(db: TendDatabase, contactId: string, identity: Identity, now: number): Promise<Contact> {
  const tx = writeTx(db, ['contacts', 'identities']);
  const contact = await contactOrFail(tx, contactId);
  const key = identityKey(identity);
  const next = { ...contact, identities: contact.identities.filter((i) => identityKey(i) !== key), updatedAt: now };
  await unlinkIdentity(tx, identity, contactId);
  await putContact(tx, next);
  await tx.done;
  return next;
}
