/**
 * Control characters and noncharacters (issue 15): a bell, a backspace or U+FFFF in a name or a
 * text never reaches the database, whatever the way in (a page, an edit, an import, a backup).
 */
import { expect, test } from 'vitest';
import { cleanName, toEmailAddress } from '../../utils/identity/addresses';
import { Contact, ContactPatch, FollowUp, Interaction } from '../../utils/model/records';
import { withoutControls } from '../../utils/text/display-text';

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const AT = Date.UTC(2024, 4, 1);

test.each([
  ['a bell', 'Ada\u0007 Lovelace', 'Ada Lovelace'],
  ['a backspace', 'Ada\u0008\u0008\u0008Eve', 'AdaEve'],
  ['the noncharacters U+FFFE and U+FFFF', '\uFFFEAda\uFFFF', 'Ada'],
  ['an escape and DEL', '\u001B[31mAda\u007F', '[31mAda'],
  ['C1 controls', 'Ada\u0085\u009B', 'Ada'],
  ['a plane-end noncharacter', 'Ada\u{1FFFF}', 'Ada'],
])('a name from a page loses %s', (_, raw, clean) => {
  expect(cleanName(raw)).toBe(clean);
});

test.each([
  ['a vertical tab', 'Ada\u000BLovelace'],
  ['a form feed', 'Ada\u000CLovelace'],
  ['a tab and a line break', 'Ada\t\r\nLovelace'],
  ['a bell between spaces', 'Ada \u0007 Lovelace'],
  ['a zero-width space beside a form feed', 'Ada\u200B\u000CLovelace'],
])('a name from a page folds %s into one space', (_, raw) => {
  expect(cleanName(raw)).toBe('Ada Lovelace');
});

test('text keeps its tabs and line breaks and loses the other controls', () => {
  expect(withoutControls('one\ttwo\r\nthree\u0007\u0000\uFFFF')).toBe('one\ttwo\r\nthree');
  // Letters, emoji (surrogate pairs) and joiners are text.
  expect(withoutControls('Zoë 👩‍💻 日本')).toBe('Zoë 👩‍💻 日本');
});

test('an address with a bell in it is the address without it', () => {
  expect(toEmailAddress('ada\u0007@example.com')).toBe('ada@example.com');
  expect(toEmailAddress('mailto:ada%07@example.com')).toBe('ada@example.com');
});

test('an edit of a person drops controls from every text field', () => {
  const patch = ContactPatch.parse({
    displayName: 'Ada\u0007',
    org: 'Engines\uFFFE',
    title: '\u0008Countess',
    tags: ['maths\u0000'],
    whatMatters: 'Line one\nline\u0007 two',
  });
  expect(patch).toEqual({ displayName: 'Ada', org: 'Engines', title: 'Countess', tags: ['maths'], whatMatters: 'Line one\nline two' });
});

test('records read from a file or a backup drop controls from names and texts', () => {
  const contact = Contact.parse({ id: ID, displayName: 'Ada\u0007', identities: [], tags: ['a\uFFFF'], org: 'E\u0008', createdAt: AT, updatedAt: AT });
  expect([contact.displayName, contact.tags, contact.org]).toEqual(['Ada', ['a'], 'E']);
  const entry = Interaction.parse({ id: ID, contactIds: [ID], kind: 'note', at: AT, summary: 'Hi\u0007\nthere', body: '\uFFFF', createdAt: AT });
  expect([entry.summary, entry.body]).toEqual(['Hi\nthere', '']);
  expect(FollowUp.parse({ id: ID, contactId: ID, due: AT, text: 'Call\u0007', done: false }).text).toBe('Call');
});
