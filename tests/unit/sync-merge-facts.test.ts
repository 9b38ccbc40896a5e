// @vitest-environment node
// The pure halves of merges as facts: two versions of a merge record merged by union, and the
// merged person's late edits folded into the kept person by the time of each change.
import { describe, expect, it } from 'vitest';
import type { MergeRecord } from '../../utils/model/merge';
import type { Contact } from '../../utils/model/records';
import { foldMergedPerson } from '../../utils/services/sync/fold-merged';
import { unionMerges } from '../../utils/services/sync/merge-facts';

const person = (id: string, fields: Partial<Contact>): Contact => ({ id, displayName: 'Ada', identities: [], tags: [], createdAt: 1, updatedAt: 1, ...fields });
const K = '00000000-0000-4000-8000-00000000000a';
const X = '00000000-0000-4000-8000-00000000000b';
const entry = (n: number) => ({ id: `00000000-0000-4000-8000-00000000010${n}`, at: n, contactIds: [X] });
const merge: MergeRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  at: 100,
  keptId: K,
  mergedId: X,
  keptBefore: person(K, { whatMatters: 'Likes tea' }),
  mergedBefore: person(X, { identities: [{ kind: 'email', value: 'ada@work.example' }] }),
  keptAfter: person(K, { whatMatters: 'Likes tea' }),
  movedIdentityKeys: ['email:ada@work.example'],
  entries: [entry(1)],
  followUpIds: [],
};

describe('two versions of a merge record', () => {
  it('hold everything either moved, the same whichever comes first, and an undo made on either side', () => {
    const a = { ...merge, entries: [entry(1), entry(2)], followUpIds: ['f1'] };
    const b = { ...merge, entries: [entry(1), entry(3)], followUpIds: ['f2'], undoneAt: 300 };
    const ab = unionMerges(a, b);
    const ba = unionMerges(b, a);
    expect(new Set(ab.entries.map((e) => e.id))).toEqual(new Set([entry(1), entry(2), entry(3)].map((e) => e.id)));
    expect(new Set(ba.entries.map((e) => e.id))).toEqual(new Set(ab.entries.map((e) => e.id)));
    expect(new Set(ab.followUpIds)).toEqual(new Set(['f1', 'f2']));
    expect([ab.undoneAt, ba.undoneAt]).toEqual([300, 300]);
    expect(unionMerges({ ...a, undoneAt: 200 }, b).undoneAt).toBe(200);
    // Nothing new: the same record back, so nothing is written.
    expect(unionMerges(ab, a)).toBe(ab);
  });
});

describe('the merged person revived by a late edit, folded into the kept person', () => {
  const kept = {
    kind: 'contact' as const,
    record: person(K, { whatMatters: 'Likes tea', org: 'Old org' }),
    fieldsAt: { whatMatters: 200, org: 50, displayName: 1 },
  };

  it('takes each field edited after the kept one changed it, keeps the losing "What matters" text and every address', () => {
    const late = person(X, { whatMatters: 'Prefers letters', org: 'Engines', identities: [{ kind: 'email', value: 'ada@new.example' }] });
    const folded = foldMergedPerson(merge, { kind: 'contact', record: late, fieldsAt: { whatMatters: 300, org: 300 } }, kept);
    expect(folded.synced.record).toMatchObject({ id: K, whatMatters: 'Prefers letters', org: 'Engines', displayName: 'Ada' });
    expect((folded.synced.record as Contact).identities).toEqual([{ kind: 'email', value: 'ada@new.example' }]);
    expect(folded.lostWhatMatters).toBe('Likes tea');
  });

  it('loses a field to a newer change on the kept person, and leaves fields the merged person did not change', () => {
    const late = person(X, { whatMatters: 'Prefers letters', displayName: 'Ada', identities: merge.mergedBefore.identities });
    const folded = foldMergedPerson(merge, { kind: 'contact', record: late, fieldsAt: { whatMatters: 150 } }, kept);
    expect(folded.synced.record).toMatchObject({ whatMatters: 'Likes tea', org: 'Old org' });
    expect(folded.lostWhatMatters).toBe('Prefers letters');
  });
});
