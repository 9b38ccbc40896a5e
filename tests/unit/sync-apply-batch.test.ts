/**
 * A pulled batch without deletions is applied with every read it needs asked at once, before the
 * first answer (a 5,000-record initial sync waited on each record's requests one after another),
 * and ends in the same state as applying its documents one at a time: addresses released and
 * claimed within the batch, an address someone here holds, a dedupe key taken, a record equal
 * here, one edited here since its base, an entry moved in time.
 */
import { expect, test } from 'vitest';
import { addContact } from '../../utils/db/contacts-repo';
import { linkIdentity } from '../../utils/db/identities-repo';
import { addInteraction } from '../../utils/db/interactions-repo';
import { openTendDb } from '../../utils/db/open';
import { readWholeStores } from '../../utils/db/all-stores-repo';
import { writeTx, type TendDatabase, type WriteTx } from '../../utils/db/schema';
import type { Contact, FollowUp, Interaction } from '../../utils/model/records';
import { APPLY_STORES, applyDocument, type Applied } from '../../utils/services/sync/apply';
import { applyUpserts } from '../../utils/services/sync/apply-batch';
import type { SyncedRecord } from '../../utils/services/sync/documents';

const T = 1_700_000_000_000;
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const email = (value: string) => ({ kind: 'email' as const, value });
const person = (n: number, name: string, emails: string[], at = T): Contact => ({
  id: uuid(n),
  displayName: name,
  identities: emails.map(email),
  tags: [],
  createdAt: T,
  updatedAt: at,
});
const note = (n: number, contactId: string, at: number, dedupeKey?: string): Interaction => ({
  id: uuid(n),
  contactIds: [contactId],
  kind: 'note',
  at,
  summary: `Note ${n}`,
  createdAt: T,
  ...(dedupeKey && { dedupeKey }),
});

// Here before the pull.
const holder = person(1, 'Holds shared', ['shared@x.example']);
const equal = person(2, 'Equal', ['equal@x.example']);
const edited = person(3, 'Edited here', ['edited@x.example'], T + 5);
const releasing = person(4, 'Releasing', ['kept@x.example', 'old@x.example']);
const sighting = note(10, holder.id, T + 1, 'thread-1@day');
const moving = note(11, holder.id, T + 2);

/** The batch, in order, each with its base (the record both sides last agreed on). */
const batch: { synced: SyncedRecord; base: unknown }[] = [
  { synced: { kind: 'contact', record: person(4, 'Releasing', ['kept@x.example'], T + 9), fieldsAt: {} }, base: releasing },
  // Claims the address just released, and one someone here holds (which stays theirs).
  { synced: { kind: 'contact', record: person(5, 'Takes old', ['old@x.example', 'shared@x.example']), fieldsAt: {} }, base: undefined },
  { synced: { kind: 'contact', record: person(6, 'First new', ['new@x.example']), fieldsAt: {} }, base: undefined },
  { synced: { kind: 'contact', record: person(7, 'Second new', ['new@x.example', 'own@x.example']), fieldsAt: {} }, base: undefined },
  { synced: { kind: 'contact', record: equal, fieldsAt: {} }, base: equal },
  {
    synced: { kind: 'contact', record: person(3, 'Edited there', ['edited@x.example'], T + 7), fieldsAt: {} },
    base: person(3, 'Edited', ['edited@x.example']),
  },
  { synced: { kind: 'entry', record: note(20, uuid(5), T + 3, 'thread-1@day') }, base: undefined },
  { synced: { kind: 'entry', record: note(21, uuid(6), T + 4, 'thread-2@day') }, base: undefined },
  { synced: { kind: 'entry', record: note(22, uuid(7), T + 4, 'thread-2@day') }, base: undefined },
  { synced: { kind: 'entry', record: { ...moving, at: T + 8 } }, base: moving },
  {
    synced: { kind: 'followup', record: { id: uuid(30), contactId: uuid(6), due: T + 100, text: 'Call back', done: false } satisfies FollowUp, fieldsAt: {} },
    base: undefined,
  },
  // Plain new people with a note each, as an initial sync brings them.
  ...Array.from({ length: 20 }, (_, i) => [
    { synced: { kind: 'contact' as const, record: person(100 + i, `Person ${i}`, [`p${i}@x.example`]), fieldsAt: {} }, base: undefined },
    { synced: { kind: 'entry' as const, record: note(200 + i, uuid(100 + i), T + i) }, base: undefined },
  ]).flat(),
];

let databases = 0;
async function seeded(): Promise<TendDatabase> {
  const db = await openTendDb(`apply-batch-${++databases}`);
  const tx = writeTx(db, [...APPLY_STORES]);
  for (const contact of [holder, equal, edited, releasing]) {
    await addContact(tx, contact);
    for (const identity of contact.identities) await linkIdentity(tx, identity, contact.id);
  }
  await addInteraction(tx, sighting);
  await addInteraction(tx, moving);
  await tx.done;
  return db;
}

/** Counts the reads asked of a transaction's stores and indexes, and how many were asked when the first was answered. */
function countingReads(tx: WriteTx): { tx: WriteTx; askedBeforeFirstAnswer(): number | undefined } {
  let asked = 0;
  let atFirstAnswer: number | undefined;
  const reading = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof value !== 'function') return value;
        if (property === 'index') return (name: string) => reading((value as (n: string) => object).call(object, name));
        if (!['get', 'getAll', 'getKey', 'getAllKeys', 'count'].includes(String(property))) return value.bind(object);
        return (...args: unknown[]) => {
          asked++;
          return (value as (...a: unknown[]) => Promise<unknown>).apply(object, args).then((answer) => {
            atFirstAnswer ??= asked;
            return answer;
          });
        };
      },
    });
  const counted = new Proxy(tx, {
    get(target, property) {
      if (property === 'objectStore') return (name: Parameters<WriteTx['objectStore']>[0]) => reading(target.objectStore(name));
      return Reflect.get(target, property, target);
    },
  });
  return { tx: counted, askedBeforeFirstAnswer: () => atFirstAnswer };
}

async function endState(db: TendDatabase) {
  return readWholeStores(db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps']);
}

test('asks every read of the batch before the first answer, and ends as applying one document at a time does', async () => {
  const oneByOne = await seeded();
  const slow = writeTx(oneByOne, [...APPLY_STORES]);
  const slowApplied: Applied[] = [];
  for (const { synced, base } of batch) slowApplied.push(await applyDocument(slow, { ok: true, deleted: false, synced }, base));
  await slow.done;

  const atOnce = await seeded();
  const counting = countingReads(writeTx(atOnce, [...APPLY_STORES]));
  const applied = await applyUpserts(counting.tx, batch);
  await counting.tx.done;

  expect(applied).toEqual(slowApplied);
  expect(await endState(atOnce)).toEqual(await endState(oneByOne));
  // 51 records here or not, 26 contacts' addresses held, 27 distinct addresses' owners, 2 dedupe keys;
  // then only the moved entry's own reads (it is taken out and put back in its new place).
  expect(counting.askedBeforeFirstAnswer()).toBe(51 + 26 + 27 + 2);

  // What the two paths agree on is what the rules say.
  expect(applied.slice(0, 11)).toEqual([
    'written',
    'written',
    'written',
    'written',
    'unchanged',
    'kept-local',
    'kept-local',
    'written',
    'kept-local',
    'written',
    'written',
  ]);
  const owners = new Map((await endState(atOnce)).identities.map((row) => [row.key, row.contactId]));
  expect(owners.get('email:old@x.example')).toBe(uuid(5));
  expect(owners.get('email:shared@x.example')).toBe(holder.id);
  expect(owners.get('email:new@x.example')).toBe(uuid(6));
  expect(owners.get('email:own@x.example')).toBe(uuid(7));
  expect((await endState(atOnce)).contacts.find((contact) => contact.id === edited.id)?.displayName).toBe('Edited here');
});
