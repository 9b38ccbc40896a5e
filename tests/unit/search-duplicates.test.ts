import { expect, test } from 'vitest';
import type { Contact, Identity } from '../../utils/model/records';
import { duplicatePairs, findDuplicates } from '../../utils/services/merge/duplicates';
import { mailboxOf } from '../../utils/services/merge/duplicates-rules';
import { mergeContacts } from '../../utils/services/merge/merge';
import { createContact } from '../../utils/services/people/people';
import { freshDb } from './helpers';

let clock = 0;
function person(displayName: string, ...values: string[]): Contact {
  clock += 1;
  const identities: Identity[] = values.map((value) => ({ kind: value.startsWith('https://') ? 'url' : 'email', value }));
  return { id: crypto.randomUUID(), displayName, identities, tags: [], createdAt: clock, updatedAt: clock };
}
const reasonsOf = (contacts: Contact[]) =>
  duplicatePairs(contacts, 20).map((pair) => [pair.first.displayName, pair.second.displayName, pair.reasons.map((r) => r.rule)]);

test.each([
  ['ada.lovelace@gmail.com', 'adalovelace@gmail.com'],
  ['Ada.Love.Lace@googlemail.com'.toLowerCase(), 'adalovelace@gmail.com'],
  ['ada+tend@gmail.com', 'ada@gmail.com'],
  ['ada+news@analytical.example', 'ada@analytical.example'],
  ['a.da@analytical.example', 'a.da@analytical.example'],
])('mailbox of %s is %s', (address, mailbox) => {
  expect(mailboxOf(address)).toBe(mailbox);
});

test('same name with different addresses: suggested, with the reason; case and accents do not matter', () => {
  const a = person('Grace Hopper', 'grace@navy.example');
  const b = person('grace  HOPPER', 'g.hopper@univac.example');
  const [pair] = duplicatePairs([a, b], 20);
  expect(pair).toMatchObject({ first: { id: a.id }, second: { id: b.id }, reasons: [{ rule: 'same-name', text: 'Same name: “Grace Hopper”' }] });
  expect(reasonsOf([person('José Núñez', 'j@one.example'), person('Jose Nunez', 'j@two.example')])).toEqual([['José Núñez', 'Jose Nunez', ['same-name']]]);
});

test('Gmail dots, googlemail and +tags reach one mailbox: suggested, never folded into one identity', () => {
  const dotted = person('Ada L', 'ada.lovelace@gmail.com');
  const plain = person('Countess', 'adalovelace@googlemail.com');
  const tagged = person('A. Byron', 'ada+engines@analytical.example');
  const bare = person('Ada B', 'ada@analytical.example');
  const pairs = duplicatePairs([dotted, plain, tagged, bare], 20);
  expect(pairs.map((pair) => [pair.first.id, pair.second.id, pair.reasons[0]!.rule])).toEqual(
    expect.arrayContaining([
      [dotted.id, plain.id, 'same-mailbox'],
      [tagged.id, bare.id, 'same-mailbox'],
    ]),
  );
  expect(pairs).toHaveLength(2);
  expect(pairs.find((pair) => pair.first.id === dotted.id)!.reasons[0]!.text).toBe(
    'ada.lovelace@gmail.com and adalovelace@googlemail.com reach the same mailbox (dots in Gmail addresses and +tags are ignored)',
  );
  // Dots matter outside Gmail: no suggestion.
  expect(duplicatePairs([person('X', 'a.b@work.example'), person('Y', 'ab@work.example')], 20)).toEqual([]);
});

test('the same LinkedIn or GitHub profile written two ways is suggested', () => {
  const linkedIn = [person('Ada', 'https://www.linkedin.com/in/Ada-Lovelace/'), person('Countess', 'https://uk.linkedin.com/in/ada-lovelace')];
  expect(reasonsOf(linkedIn)).toEqual([['Ada', 'Countess', ['same-profile']]]);
  expect(duplicatePairs(linkedIn, 20)[0]!.reasons[0]!.text).toMatch(/^Same LinkedIn profile: /);
  const gitHub = [person('gh', 'https://github.com/GHopper'), person('Grace', 'https://github.com/ghopper/')];
  expect(reasonsOf(gitHub)).toEqual([['gh', 'Grace', ['same-profile']]]);
});

test('not suggested: different people, one-word names, people named only by their address', () => {
  expect(duplicatePairs([person('Ada Lovelace', 'ada@a.example'), person('Ada Byron', 'ada@b.example')], 20)).toEqual([]);
  expect(duplicatePairs([person('Ada', 'ada@a.example'), person('Ada', 'ada@b.example')], 20)).toEqual([]);
  expect(duplicatePairs([person('x@a.example', 'x@a.example'), person('x@a.example', 'x@a.example'.replace('a.', 'b.'))], 20)).toEqual([]);
});

test('a pair with several reasons comes first and lists them all; a key shared by a crowd is ignored', () => {
  const a = person('Grace Hopper', 'grace.hopper@gmail.com');
  const b = person('Grace Hopper', 'gracehopper@gmail.com');
  const c = person('Alan Turing', 'alan@one.example');
  const d = person('Alan Turing', 'alan@two.example');
  const crowd = Array.from({ length: 7 }, (_, i) => person('John Smith', `john${i}@x.example`));
  const pairs = duplicatePairs([c, d, a, b, ...crowd], 20);
  expect(pairs.map((pair) => pair.reasons.map((r) => r.rule))).toEqual([['same-name', 'same-mailbox'], ['same-name']]);
  expect(duplicatePairs([a, b, c, d], 1)).toHaveLength(1);
});

test('findDuplicates reads everyone; after a merge the pair is gone', async () => {
  const db = await freshDb();
  const first = await createContact(db, { displayName: 'Grace Hopper', email: 'grace@navy.example' }, 1);
  const second = await createContact(db, { displayName: 'Grace Hopper', email: 'grace@univac.example' }, 2);
  const [pair] = await findDuplicates(db, 20);
  expect([pair!.first.id, pair!.second.id]).toEqual([first.id, second.id]);
  await mergeContacts(db, first.id, second.id, 3);
  expect(await findDuplicates(db, 20)).toEqual([]);
});
