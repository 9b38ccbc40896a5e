/**
 * An import's plan asks the database who holds each of the file's addresses all at once, not one
 * line after another (10,000 lines were 10,000 waits, in the preview and again in the applying
 * transaction), and plans exactly what a lookup answering each question at once plans.
 */
import { expect, test } from 'vitest';
import type { Contact } from '../../utils/model/records';
import { planImport, type ImportLookup } from '../../utils/portability/import/plan';

const KNOWN: Contact = {
  id: '01900000-0000-7000-8000-0000000000a1',
  displayName: 'Ada Lovelace',
  identities: [{ kind: 'email', value: 'ada@analytical.example' }],
  tags: [],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};
const owner = (key: string) => (key === 'email:ada@analytical.example' ? KNOWN.id : undefined);

/** 40 lines: new people, one line of someone Tend knows, two lines sharing an address, one rejected. */
const candidates = [
  ...Array.from({ length: 36 }, (_, i) => ({ line: i + 1, displayName: `Person ${i}`, emails: [`p${i}@file.example`], tags: [] })),
  { line: 37, displayName: 'Ada L.', emails: ['Ada@Analytical.example'], org: 'Engines' },
  { line: 38, displayName: 'Grace Hopper', emails: ['grace@navy.example'] },
  { line: 39, displayName: 'G. Hopper', emails: ['grace@navy.example', 'not an address'], tags: ['navy'] },
  { line: 40, emails: [] },
];

function answeringAtOnce(): ImportLookup {
  return { ownerOf: async (key) => owner(key), contact: async (id) => (id === KNOWN.id ? KNOWN : undefined), identitylessNamed: async () => undefined };
}

test('every owner is asked before the first answer arrives, and the plan is the one answered at once', async () => {
  let asked = 0;
  const held: (() => void)[] = [];
  const holding: ImportLookup = {
    ...answeringAtOnce(),
    ownerOf: (key) => {
      asked++;
      return new Promise((resolve) => held.push(() => resolve(owner(key))));
    },
  };
  const planning = planImport(holding, candidates);
  // Let the planner ask all it will ask before anything is answered.
  for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  const askedBeforeFirstAnswer = asked;
  for (const answer of held) answer();
  const plan = await planning;

  expect(askedBeforeFirstAnswer).toBe(39); // one per address of the 39 readable lines (line 39's second value is no address)
  expect(plan).toEqual(await planImport(answeringAtOnce(), candidates));
  expect(plan.newPeople).toHaveLength(37);
  expect(plan.matches.map((match) => match.contactId)).toEqual([KNOWN.id]);
  expect(plan.newPeople.find((person) => person.displayName === 'Grace Hopper')?.lines).toEqual([38, 39]);
  expect(plan.rejected.map((issue) => issue.line)).toEqual([40]);
});
