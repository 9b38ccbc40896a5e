// The pure parts of sync: records as documents and back, field times, merges, the kept text's id.
import { describe, expect, it } from 'vitest';
import type { Contact, Interaction } from '../../utils/model/records';
import { documentId, parseDocumentId, readDocument, toDocument } from '../../utils/services/sync/documents';
import { mergeVersions } from '../../utils/services/sync/merge';
import { uuidFrom } from '../../utils/services/sync/kept-text';
import { originFetch } from '../../utils/services/sync/replicas';
import { z } from 'zod';

const ID = '01a24bed-2079-7000-b39c-6aaacd82a572';
const ada: Contact = { id: ID, displayName: 'Ada', identities: [{ kind: 'email', value: 'ada@example.com' }], tags: [], createdAt: 1000, updatedAt: 1000 };

describe('records as documents', () => {
  it('names documents by kind and id, and knows no other names', () => {
    expect(documentId('contact', ID)).toBe(`contact:${ID}`);
    expect(parseDocumentId(`followup:${ID}`)).toEqual({ kind: 'followup', id: ID });
    expect(parseDocumentId('spell:1')).toBeUndefined();
    expect(parseDocumentId('_design/x')).toBeUndefined();
  });

  it('stamps each changed field with the time of the change and keeps the others', () => {
    const first = toDocument('contact', ada, undefined, 2000);
    expect(first).toMatchObject({ kind: 'contact', fieldsAt: { displayName: 2000, identities: 2000, createdAt: 2000 } });
    const renamed = toDocument('contact', { ...ada, displayName: 'Ada King', updatedAt: 3000 }, first, 3000);
    expect(renamed).toMatchObject({ fieldsAt: { displayName: 3000, updatedAt: 3000, identities: 2000 } });
    expect(toDocument('contact', ada, first, 4000)).toBeUndefined(); // the same record: nothing to write
  });

  it('reads back what it wrote, with addresses as Tend stores them', () => {
    const doc = {
      _id: `contact:${ID}`,
      _rev: '1-a',
      ...toDocument('contact', { ...ada, identities: [{ kind: 'email', value: 'ADA@Example.com ' }] }, undefined, 1)!,
    };
    const read = readDocument(doc);
    expect(read).toMatchObject({ ok: true, deleted: false, synced: { record: { identities: [{ kind: 'email', value: 'ada@example.com' }] } } });
    expect(readDocument({ _id: `entry:${ID}`, _rev: '2-b', _deleted: true })).toEqual({ ok: true, deleted: true, kind: 'entry', id: ID });
  });

  it.each([
    ['not an object', 'text'],
    ['another kind', { _id: 'spell:1', kind: 'spell' }],
    ['a wrong type', { _id: `contact:${ID}`, kind: 'contact', fieldsAt: {}, record: { ...ada, displayName: 42 } }],
    ['another id inside', { _id: `contact:${ID}`, kind: 'contact', fieldsAt: {}, record: { ...ada, id: '01a24bed-2079-7000-b39c-6aaacd82a573' } }],
    ['a kind that is not its name', { _id: `entry:${ID}`, kind: 'contact', fieldsAt: {}, record: ada }],
    ['a huge document', { _id: `contact:${ID}`, kind: 'contact', fieldsAt: {}, record: ada, padding: 'x'.repeat(600_000) }],
    ['bad field times', { _id: `contact:${ID}`, kind: 'contact', fieldsAt: { displayName: -1 }, record: ada }],
  ])('rejects %s', (_, doc) => {
    expect(readDocument(doc).ok).toBe(false);
  });
});

describe('merging two versions', () => {
  const version = (record: Contact, fieldsAt: Record<string, number>) => ({ kind: 'contact' as const, record, fieldsAt });

  it('takes each field from the side that changed it last, the same whichever side merges', () => {
    const laptop = version({ ...ada, org: 'Engines', whatMatters: 'Tea', updatedAt: 2000 }, { org: 2000, whatMatters: 2000, displayName: 1000 });
    const desktop = version({ ...ada, displayName: 'Ada King', whatMatters: 'Coffee', updatedAt: 3000 }, { displayName: 3000, whatMatters: 3000, org: 0 });
    const one = mergeVersions(laptop, desktop);
    const other = mergeVersions(desktop, laptop);
    expect(one.synced.record).toMatchObject({ displayName: 'Ada King', org: 'Engines', whatMatters: 'Coffee', updatedAt: 3000 });
    expect(JSON.stringify(other.synced)).toBe(JSON.stringify(one.synced));
    expect(one.lostWhatMatters).toBe('Tea');
    expect(other.lostWhatMatters).toBe('Tea');
  });

  it('breaks a tie of times by the value, so both devices agree', () => {
    const a = version({ ...ada, org: 'A' }, { org: 5 });
    const b = version({ ...ada, org: 'B' }, { org: 5 });
    expect(mergeVersions(a, b).synced.record).toEqual(mergeVersions(b, a).synced.record);
  });

  it('keeps the newest edit of an entry', () => {
    const entry: Interaction = { id: ID, contactIds: [ID], kind: 'note', at: 1, summary: 'old', createdAt: 1 };
    const edited = { ...entry, summary: 'new', editedAt: 9 };
    expect(mergeVersions({ kind: 'entry', record: entry }, { kind: 'entry', record: edited }).synced.record).toEqual(edited);
    expect(mergeVersions({ kind: 'entry', record: edited }, { kind: 'entry', record: entry }).synced.record).toEqual(edited);
  });
});

describe('the id of a kept text', () => {
  it('is a valid UUID, the same for the same person and text, another for another text', () => {
    const id = uuidFrom(`${ID}\nTea`);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(uuidFrom(`${ID}\nTea`)).toBe(id);
    expect(uuidFrom(`${ID}\nCoffee`)).not.toBe(id);
  });
});

describe('the fetch of sync', () => {
  it('reaches the configured origin only, with the credentials in a header', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      seen.push({ url, auth: new Headers(init.headers).get('Authorization') });
      return new Response('{}');
    }) as unknown as typeof fetch;
    const guarded = originFetch({ server: 'https://couch.example:6984', user: 'ada', password: 'pw', database: 'userdb-616461' }, fake);
    await guarded('https://couch.example:6984/userdb-616461/_changes');
    await expect(guarded('https://elsewhere.example/steal')).rejects.toThrow(/refused/);
    await expect(guarded('http://couch.example:6984/x')).rejects.toThrow(/refused/);
    expect(seen).toEqual([{ url: 'https://couch.example:6984/userdb-616461/_changes', auth: `Basic ${btoa('ada:pw')}` }]);
  });
});
