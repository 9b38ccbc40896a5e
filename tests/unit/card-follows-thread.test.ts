import { describe, expect, test } from 'vitest';
import { cardForPeople, peopleKey } from '../../components/card/card-follows-thread';
import type { TabPerson } from '../../utils/model/records';

const person = (name: string): TabPerson => ({ contactId: crypto.randomUUID(), displayName: name });
const [ada, charles, grace] = [person('Ada'), person('Charles'), person('Grace')];
const nameOnly: TabPerson = { displayName: 'Someone' };
const open = (who?: TabPerson, pinned = false) => ({ contactId: who?.contactId, pinned });

describe('cardForPeople', () => {
  test.each([
    ['another thread: a card of someone no longer on the page closes', [charles, grace], open(ada), false, undefined],
    ['another thread: … and the one correspondent’s card opens instead', [charles], open(ada), false, charles],
    ['another thread: a pinned card stays', [charles], open(ada, true), false, ada],
    ['another thread: a card of someone still on the page stays', [ada, charles], open(ada), false, ada],
    ['several people and no card: none opens by itself', [ada, charles], open(), false, undefined],
    ['one saved person and a name-only one: the saved one opens', [nameOnly, grace], open(), false, grace],
    ['nobody on the page: no card', [], open(ada), false, undefined],
    ['first read of a tab: a card opened on purpose stays', [charles], open(ada), true, ada],
    ['first read of a tab, no card: the one correspondent’s opens', [charles], open(), true, charles],
  ])('%s', (_, people, card, firstRead, expected) => {
    expect(cardForPeople(people, card, firstRead)).toBe(expected?.contactId);
  });
});

test('the people key changes with who is on the page, not with a rescan showing the same people', () => {
  expect(peopleKey([ada, charles])).toBe(peopleKey([{ ...ada, newToday: true }, { ...charles }]));
  expect(peopleKey([ada, charles])).not.toBe(peopleKey([ada]));
  expect(peopleKey([nameOnly])).not.toBe(peopleKey([{ displayName: 'Someone else' }]));
});
