import { describe, expect, test } from 'vitest';
import { findPeopleInGmailThread, findPeopleOnGmailPage, gmailRecogniser } from '../../utils/recognise/gmail/recogniser';
import { roleFromFieldLabel } from '../../utils/recognise/shared/mail-people';
import { findSafely } from '../../utils/content/page-watcher';
import { loadFixture } from './load-fixture';
import { readsPage } from '../../utils/recognise/registry';

const threadUrl = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp');
const inboxUrl = new URL('https://mail.google.com/mail/u/0/#inbox');

describe('Gmail thread (gmail/thread-expanded)', () => {
  const findings = findPeopleInGmailThread(loadFixture('gmail', 'thread-expanded'), threadUrl);

  test('finds sender, To and Cc with names, once each, in page order', () => {
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from' },
      { email: 'charles@engine.example', name: 'Charles Babbage', role: 'from', newest: true },
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'cc' },
    ]);
  });

  test('the user\'s own address (the account button) is reported as self; "me" in headers is never a person', () => {
    expect(findings.self).toEqual(['me@example.com']);
    expect(findings.people.map((p) => p.email)).not.toContain('me@example.com');
  });

  test('addresses in scripts and message bodies are not people', () => {
    const emails = findings.people.map((p) => p.email);
    expect(emails).not.toContain('script-only@example.com');
    expect(emails).not.toContain('not-a-contact@body.example');
  });

  test('the thread is identified by its permanent id and subject', () => {
    expect(findings.thread).toEqual({ key: 'gmail:thread-f:1789000000000000001', subject: 'Quarterly plan' });
  });

  test('the recogniser finds the same people as the thread reader on a thread page', () => {
    expect(gmailRecogniser.find(loadFixture('gmail', 'thread-expanded'), threadUrl)).toEqual(findings);
  });
});

describe('Gmail thread with collapsed messages (gmail/thread-many-collapsed)', () => {
  const findings = gmailRecogniser.find(loadFixture('gmail', 'thread-many-collapsed'), threadUrl);

  test('collapsed senders, expanded senders, Cc and Bcc, each once with their strongest role', () => {
    expect(findings.people).toEqual([
      { email: 'dorothy@vaughan.example', name: 'Dorothy Vaughan', role: 'from' },
      { email: 'mary@jackson.example', name: 'Mary Jackson', role: 'from' },
      { email: 'katherine@orbit.example', name: 'Katherine Johnson', role: 'from', newest: true },
      { email: 'annie@easley.example', name: 'Annie Easley', role: 'cc' },
      { email: 'christine@darden.example', name: 'Christine Darden', role: 'bcc' },
    ]);
  });

  test("the user's collapsed and expanded messages are not people; only the account button makes an address the user's", () => {
    expect(findings.self).toEqual(['me@example.com']);
    const doc = loadFixture('gmail', 'thread-many-collapsed');
    doc.querySelector('#gb')!.remove();
    const withoutButton = gmailRecogniser.find(doc, threadUrl);
    expect(withoutButton.self).toEqual([]);
    expect(withoutButton.people).toEqual(findings.people);
  });

  test('the hidden inbox list, snippets, bodies, scripts and styles add nobody', () => {
    const emails = findings.people.map((p) => p.email);
    for (const stray of [
      'list-only@inbox.example',
      'katherine-snippet@orbit.example',
      'body-only@orbit.example',
      'script-only@example.com',
      'style-only@example.com',
    ]) {
      expect(emails).not.toContain(stray);
    }
  });

  test('the thread is the open one, not the list behind it', () => {
    expect(findings.thread).toEqual({ key: 'gmail:thread-f:1790000000000000100', subject: 'Launch plan' });
  });

  test('a thread of collapsed messages only is still a thread', () => {
    const doc = loadFixture('gmail', 'thread-many-collapsed');
    for (const expanded of doc.querySelectorAll('div.adn.ads')) expanded.remove();
    const onlyCollapsed = gmailRecogniser.find(doc, threadUrl);
    expect(onlyCollapsed.thread?.subject).toBe('Launch plan');
    expect(onlyCollapsed.people.map((p) => p.email)).toEqual(['dorothy@vaughan.example', 'mary@jackson.example']);
  });
});

describe('Gmail thread list (gmail/thread-list)', () => {
  const findings = gmailRecogniser.find(loadFixture('gmail', 'thread-list'), inboxUrl);

  test('row senders are people with role from, once each, without stray marks', () => {
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from' },
      { email: 'charles@engine.example', name: 'Charles Babbage', role: 'from' },
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'from' },
    ]);
  });

  test('"me" in a row is self, and a list is not a thread', () => {
    expect(findings.self).toEqual(['me@example.com']);
    expect(findings.thread).toBeUndefined();
  });

  test('subjects, snippets and scripts add nobody', () => {
    const emails = findings.people.map((p) => p.email);
    expect(emails).not.toContain('notes@body.example');
    expect(emails).not.toContain('script-only@example.com');
  });

  test.each([
    ['#inbox', 'from'],
    ['#label/Projects', 'from'],
    ['#search/engine', 'from'],
    ['#sent', 'to'],
    ['#drafts', 'to'],
    ['#scheduled', 'to'],
  ])('in view %s the people column holds role %s', (hash, role) => {
    const people = gmailRecogniser.find(loadFixture('gmail', 'thread-list'), new URL(`https://mail.google.com/mail/u/0/${hash}`)).people;
    expect(people.map((p) => p.role)).toEqual([role, role, role]);
  });

  test('the thread reader alone finds nobody in a list', () => {
    expect(findPeopleInGmailThread(loadFixture('gmail', 'thread-list'), inboxUrl).people).toEqual([]);
  });
});

describe('Gmail compose, current UI chips (gmail/compose-chips)', () => {
  const findings = gmailRecogniser.find(loadFixture('gmail', 'compose-chips'), inboxUrl);

  test('To, Cc and Bcc chips with their fields, after the list behind the window', () => {
    expect(findings.people).toEqual([
      { email: 'katherine@orbit.example', name: 'Katherine Johnson', role: 'from' },
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'to' },
      { email: 'new.person@guest.example', role: 'to' },
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'cc' },
      { email: 'christine@darden.example', name: 'Christine Darden', role: 'bcc' },
    ]);
  });

  test("the user's own address in a chip is self, not a person", () => {
    expect(findings.self).toEqual(['me@example.com']);
  });

  test('the message body and autocomplete suggestions add nobody', () => {
    const emails = findings.people.map((p) => p.email);
    expect(emails).not.toContain('dorothy-body@vaughan.example');
    expect(emails).not.toContain('dorothy@vaughan.example');
  });

  test('a field label Tend does not know still yields the recipient, guessed as To', () => {
    const doc = loadFixture('gmail', 'compose-chips');
    doc.querySelector('[aria-label="CC recipients"]')!.setAttribute('aria-label', 'Kopie an Empfänger');
    const grace = gmailRecogniser.find(doc, inboxUrl).people.find((p) => p.email === 'grace@navy.example');
    expect(grace).toEqual({ email: 'grace@navy.example', name: 'Grace Hopper', role: 'to' });
  });
});

describe('Gmail compose, older UI hidden inputs (gmail/compose-legacy-inputs)', () => {
  const findings = gmailRecogniser.find(loadFixture('gmail', 'compose-legacy-inputs'), new URL('https://mail.google.com/mail/u/0/#inbox?compose=new'));

  test('address lists in to, cc and bcc inputs, quoted names with commas kept whole', () => {
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Lovelace, Ada', role: 'to' },
      { email: 'charles@engine.example', role: 'to' },
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'cc' },
      { email: 'christine@darden.example', role: 'bcc' },
    ]);
  });

  test("the from input is the user's address: their Bcc copy is not a person, and a compose field teaches no own address", () => {
    expect(findings.people.map((p) => p.email)).not.toContain('me@example.com');
    expect(findings.self).toEqual([]);
  });

  test('text being typed and the body add nobody', () => {
    const emails = findings.people.map((p) => p.email);
    expect(emails).not.toContain('typed-not-yet@unfinished');
    expect(emails).not.toContain('minutes@body.example');
  });
});

describe('Gmail reply in a thread (gmail/reply-chips)', () => {
  test('the reply chips join the thread people; the sender keeps role from', () => {
    const findings = gmailRecogniser.find(loadFixture('gmail', 'reply-chips'), threadUrl);
    expect(findings.thread).toEqual({ key: 'gmail:thread-f:1790000000000000300', subject: 'Frequency hopping' });
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from', newest: true },
      { email: 'hedy@lamarr.example', name: 'Hedy Lamarr', role: 'cc' },
    ]);
  });
});

describe('Gmail hover card (gmail/hovercard, gmail/hovercard-profile-id)', () => {
  test('a card whose id is an address adds that person with the heading as name and no role', () => {
    const findings = gmailRecogniser.find(loadFixture('gmail', 'hovercard'), threadUrl);
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from', newest: true },
      { email: 'margaret@apollo.example', name: 'Margaret Hamilton' },
    ]);
  });

  test('a card with a numeric account id takes the address from its mailto: link, never template text', () => {
    const findings = gmailRecogniser.find(loadFixture('gmail', 'hovercard-profile-id'), inboxUrl);
    expect(findings.people).toEqual([
      { email: 'dorothy@vaughan.example', name: 'Dorothy Vaughan', role: 'from' },
      { email: 'katherine@orbit.example', name: 'Katherine Johnson' },
    ]);
  });
});

describe('Gmail thread without an id attribute (gmail/app, SPA view)', () => {
  test('takes the thread id from the URL hash', () => {
    const doc = loadFixture('gmail', 'app');
    const template = doc.getElementById('FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp') as HTMLTemplateElement;
    doc.getElementById('view')!.replaceChildren(template.content.cloneNode(true));
    const findings = findPeopleInGmailThread(doc, threadUrl);
    expect(findings.thread).toEqual({ key: 'gmail:FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp', subject: 'Conference dinner' });
    expect(findings.people).toEqual([{ email: 'mary@jackson.example', name: 'Mary Jackson', role: 'from', newest: true }]);
  });

  test('the inbox view (thread markup only inside templates) has no people', () => {
    const findings = gmailRecogniser.find(loadFixture('gmail', 'app'), inboxUrl);
    expect(findings.people).toEqual([]);
    expect(findings.thread).toBeUndefined();
  });
});

describe('Gmail with unexpected markup (gmail/inbox-unexpected)', () => {
  test('yields no people and does not throw', () => {
    const findings = gmailRecogniser.find(loadFixture('gmail', 'inbox-unexpected'), threadUrl);
    expect(findings.people).toEqual([]);
  });

  test('a recogniser that throws is contained by findSafely', () => {
    const broken = {
      ...gmailRecogniser,
      find: () => {
        throw new TypeError('markup changed');
      },
    };
    expect(findSafely(broken, document, threadUrl)).toEqual({ people: [], self: [] });
  });

  test('an empty document yields nothing', () => {
    expect(findPeopleOnGmailPage(document.implementation.createHTMLDocument(''), inboxUrl)).toEqual({ people: [], self: [] });
  });
});

describe('Gmail field labels', () => {
  test.each([
    ['to:', 'to'],
    ['cc:', 'cc'],
    ['bcc:', 'bcc'],
    ['To recipients', 'to'],
    ['CC recipients', 'cc'],
    ['BCC recipients', 'bcc'],
    ['An', 'to'],
    ['Cci', 'bcc'],
    ['from:', 'from'],
    ['New Message', undefined],
    ['', undefined],
  ])('%j names role %s', (label, role) => {
    expect(roleFromFieldLabel(label)).toBe(role);
  });
});

test('the Gmail recogniser runs on mail.google.com only', () => {
  expect(readsPage(gmailRecogniser, inboxUrl)).toBe(true);
  expect(readsPage(gmailRecogniser, new URL('https://mail.google.com.evil.example/'))).toBe(false);
});
