import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toEmailAddress } from '../../utils/identity/addresses';
import { gmailRecogniser } from '../../utils/recognise/gmail/recogniser';
import { normalisedText, PeopleOnPage } from '../../utils/recognise/shared/mail-people';
import { referenceGmailFind, referenceGmailFindInAdded } from './gmail-reference';
import { loadFixture } from './load-fixture';

const threadUrl = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp');
const inboxUrl = new URL('https://mail.google.com/mail/u/0/#inbox');
const FIXTURES = [
  'app',
  'compose-chips',
  'compose-legacy-inputs',
  'hovercard',
  'hovercard-profile-id',
  'inbox-unexpected',
  'reply-chips',
  'thread-expanded',
  'thread-list',
  'thread-many-collapsed',
  'thread-second',
];

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// Raw values as pages write them: case, spaces, mailto:, queries, bidi marks, escapes, non-addresses.
const EMAILS = [
  'ada@analytical.example',
  'Ada@Analytical.example',
  ' grace@navy.example ',
  'mailto:grace@navy.example',
  'katherine@orbit.example\u202C',
  'hedy@lamarr.example?subject=x',
  'mary%40jackson.example',
  'me@example.com',
  'ME@example.com',
  'not-an-address',
  '',
  'dorothy@vaughan.example',
];
const NAMES = [null, '', 'me', 'Ada Lovelace', 'ada lovelace', 'Grace  Hopper', 'grace@navy.example', 'Katherine Johnson', '\u202EHedy', 'Me'];
const LABELS = ['from:', 'to:', 'cc:', 'bcc:', 'date:', 'Kopie:', 'An:'];

const person = fc.record({
  tag: fc.constantFrom('span', 'span', 'div'),
  classes: fc.subarray(['gD', 'g2', 'GD', 'iw', 'g2 gD'], { maxLength: 2 }),
  email: fc.option(fc.constantFrom(...EMAILS), { nil: null }),
  name: fc.constantFrom(...NAMES),
});
type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

function personHtml({ tag, classes, email, name }: Person): string {
  const emailAttr = email === null ? '' : ` email="${esc(email)}"`;
  const nameAttr = name === null ? '' : ` name="${esc(name)}"`;
  return `<${tag} class="${classes.join(' ')}"${emailAttr}${nameAttr}>${esc(name ?? 'Someone')}</${tag}>`;
}

const message = fc.record({
  collapsed: fc.boolean(),
  line: fc.array(person, { maxLength: 4 }),
  table: fc.array(fc.record({ label: fc.constantFrom(...LABELS), people: fc.array(person, { maxLength: 3 }) }), { maxLength: 4 }),
  body: fc.array(person, { maxLength: 1 }),
  inNoscript: fc.boolean(),
});
type Message = typeof message extends fc.Arbitrary<infer T> ? T : never;

function messageHtml(m: Message, index: number): string {
  const rows = m.table
    .map((row) => `<tr class="ajv"><td class="gG">${esc(row.label)}</td><td class="gL">${row.people.map(personHtml).join(', ')}</td></tr>`)
    .join('');
  const html = `<div class="${m.collapsed ? 'adf' : 'adn'} ads" data-message-id="#msg-f:${index}"><h3 class="iw">${m.line.slice(0, 1).map(personHtml).join('')}</h3>
    <span class="hb">to ${m.line.slice(1).map(personHtml).join(', ')}</span><table class="ajC"><tbody>${rows}</tbody></table>
    <div class="a3s">${m.body.map(personHtml).join('')} body text</div></div>`;
  return m.inNoscript ? `<noscript>${html}</noscript>` : html;
}

const page = fc.record({
  title: fc.constantFrom('Plan - me@example.com - Gmail', 'Plan - Gmail', 'Inbox'),
  heading: fc.boolean(),
  messages: fc.array(message, { maxLength: 6 }),
  between: fc.array(person, { maxLength: 2 }),
  listRows: fc.array(person, { maxLength: 3 }),
  chips: fc.array(
    fc.record({
      field: fc.constantFrom('To recipients', 'CC recipients', 'BCC recipients', 'Kopie an'),
      email: fc.constantFrom(...EMAILS),
      name: fc.constantFrom('', 'Ada Lovelace', 'Grace Hopper'),
    }),
    { maxLength: 3 },
  ),
  legacy: fc.array(
    fc.record({
      name: fc.constantFrom('to', 'cc', 'bcc', 'from', 'subjectbox'),
      value: fc.constantFrom('"Lovelace, Ada" <Ada@Analytical.example>, grace@navy.example', 'me@example.com', 'typed-not-yet@'),
    }),
    { maxLength: 2 },
  ),
  card: fc.option(
    fc.record({
      id: fc.constantFrom('margaret@apollo.example', '104857600000000000001', 'Ada@Analytical.example'),
      heading: fc.constantFrom('Margaret Hamilton', ''),
    }),
    { nil: null },
  ),
});
type Page = typeof page extends fc.Arbitrary<infer T> ? T : never;

function pageHtml(p: Page): string {
  const heading = p.heading ? '<h2 class="hP" data-thread-perm-id="thread-f:1">Plan</h2>' : '';
  const rows = p.listRows.map((row) => `<tr class="zA"><td><div class="yW">${personHtml({ ...row, tag: 'span' })}</div></td></tr>`).join('');
  const chips = p.chips
    .map((chip) => `<div aria-label="${chip.field}"><div role="option" data-hovercard-id="${esc(chip.email)}" data-name="${esc(chip.name)}"></div></div>`)
    .join('');
  const legacy = p.legacy.map((input) => `<input type="hidden" name="${input.name}" value="${esc(input.value)}">`).join('');
  const card = p.card
    ? `<div role="dialog" data-hovercard-id="${p.card.id}"><div role="heading">${p.card.heading}</div><a href="mailto:katherine@orbit.example">Send email</a></div>`
    : '';
  const messages = p.messages.map(messageHtml);
  // People outside any message (Gmail's hidden chip twins) sit between the messages.
  const thread = [messages[0] ?? '', ...p.between.map(personHtml), ...messages.slice(1)].join('\n');
  return `<!doctype html><html><head><title>${esc(p.title)}</title></head><body><table><tbody>${rows}</tbody></table>
    <div role="main">${heading}<div class="thread">${thread}</div></div><div role="dialog">${chips}${legacy}</div>${card}</body></html>`;
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the fast Gmail scan reads pages exactly as the plain reading did', () => {
  test.each(FIXTURES)('fixture gmail/%s, as a thread URL and as the inbox', (fixture) => {
    for (const url of [threadUrl, inboxUrl]) {
      expect(gmailRecogniser.find(loadFixture('gmail', fixture), url)).toEqual(referenceGmailFind(loadFixture('gmail', fixture), url));
    }
  });

  test('random pages: threads with collapsed and expanded messages, tables, lists, chips, fields and cards', () => {
    fc.assert(
      fc.property(page, (p) => {
        const doc = parse(pageHtml(p));
        expect(gmailRecogniser.find(doc, threadUrl)).toEqual(referenceGmailFind(doc, threadUrl));
      }),
      { numRuns: 300 },
    );
  });

  test('random pages: a message added to the thread updates the findings as before', () => {
    fc.assert(
      fc.property(page, message, (p, added) => {
        const doc = parse(pageHtml(p));
        const previous = gmailRecogniser.find(doc, threadUrl);
        const element = doc.importNode(parse(messageHtml({ ...added, inNoscript: false }, 99)).body.firstElementChild!, true);
        doc.querySelector('.thread')!.append(element);
        expect(gmailRecogniser.findInAdded!([element], previous, doc, threadUrl)).toEqual(referenceGmailFindInAdded([element], previous));
      }),
      { numRuns: 200 },
    );
  });
});

describe('memos live for one scan', () => {
  test('a second scan sees the page as it is now, not as the first scan saw it', () => {
    const doc = loadFixture('gmail', 'thread-expanded');
    const first = gmailRecogniser.find(doc, threadUrl);
    // The raw value ("Grace@Navy.example" and a bidi mark) was normalised by the first scan.
    doc.querySelector('span[email^="Grace@"]')!.setAttribute('name', 'Rear Admiral Hopper');
    doc.querySelector('span[email="ada@analytical.example"]')!.setAttribute('name', 'me');
    const second = gmailRecogniser.find(doc, threadUrl);
    expect(first.people.find((p) => p.email === 'grace@navy.example')?.name).toBe('Grace Hopper');
    expect(second.people.find((p) => p.email === 'grace@navy.example')?.name).toBe('Rear Admiral Hopper');
    // "me" in a header keeps her off the page's people, and is not learned as the user's own.
    expect(second.self).toEqual(['me@example.com']);
    expect(second.people.map((p) => p.email)).not.toContain('ada@analytical.example');
    expect(second).toEqual(referenceGmailFind(doc, threadUrl));
  });

  test('collectors do not share what they have seen', () => {
    const first = new PeopleOnPage();
    first.add({ email: 'Ada@Analytical.example', name: 'Ada Lovelace' }, 'from', true);
    first.addSelf('me@example.com');
    const second = new PeopleOnPage();
    second.add({ email: 'Ada@Analytical.example', name: 'Countess of Lovelace' }, 'cc', true);
    expect(second.findings().people).toEqual([{ email: 'ada@analytical.example', name: 'Countess of Lovelace', role: 'cc' }]);
    expect(second.findings().self).toEqual([]);
  });

  test('collectors given one normalised text (a calendar scanned again) take its addresses, not each other’s people', () => {
    const normalised = normalisedText();
    const first = new PeopleOnPage(normalised);
    first.add({ email: 'Ada@Analytical.example', name: 'Ada Lovelace' }, 'to', true);
    expect(normalised.addressByRaw.get('Ada@Analytical.example')).toBe('ada@analytical.example');
    // A planted value: the second collector reads the map instead of normalising again.
    normalised.addressByRaw.set('Grace@Navy.example', 'grace.hopper@navy.example');
    const second = new PeopleOnPage(normalised);
    second.add({ email: 'Grace@Navy.example' }, 'to', true);
    expect(second.findings().people).toEqual([{ email: 'grace.hopper@navy.example', role: 'to' }]);
  });

  test('a collector started from earlier findings does not keep them if the page disagrees', () => {
    const people = PeopleOnPage.from({ people: [{ email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'to' }], self: ['me@example.com'] });
    people.add({ email: 'ada@analytical.example', name: 'Someone else' }, 'from', true);
    people.add({ email: 'grace@navy.example', name: 'Ada Lovelace' }, 'cc', true);
    expect(people.findings().people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from' },
      { email: 'grace@navy.example', name: 'Ada Lovelace', role: 'cc' },
    ]);
  });

  test('every raw address is normalised as toEmailAddress would, however often it repeats', () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(...EMAILS, 'a%2541@x.example', 'a%3Fb@x.example', 'mailto:a@b.example', 'x@1.23', '.a@b.example'),
      fc
        .tuple(fc.stringMatching(/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,10}$/), fc.stringMatching(/^[a-z0-9-]{1,8}(\.[a-z0-9-]{1,5}){1,2}$/))
        .map(([local, domain]) => `${local}@${domain}`),
    );
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 8 }), (raws) => {
        const people = new PeopleOnPage();
        for (const value of [...raws, ...raws]) people.add({ email: value }, 'to', true);
        const expected = [...new Set(raws.map((value) => toEmailAddress(value)).filter((email) => email !== undefined))];
        expect(people.findings().people.map((p) => p.email)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
