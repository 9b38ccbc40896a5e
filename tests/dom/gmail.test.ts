import { describe, expect, test } from 'vitest';
import { findPeopleInGmailThread, gmailRecogniser } from '../../utils/recognise/gmail';
import { findSafely } from '../../utils/recognise/page-watcher';
import { loadFixture } from './load-fixture';

const threadUrl = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp');

describe('Gmail thread (gmail/thread-expanded)', () => {
  const findings = findPeopleInGmailThread(loadFixture('gmail', 'thread-expanded'), threadUrl);

  test('finds sender, To and Cc with names, once each, in page order', () => {
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from' },
      { email: 'charles@engine.example', name: 'Charles Babbage', role: 'from' },
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'cc' },
    ]);
  });

  test("the user's own address (name=\"me\", tab title) is reported as self, never as a person", () => {
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
});

describe('Gmail thread without an id attribute (gmail/app, SPA view)', () => {
  test('takes the thread id from the URL hash', () => {
    const doc = loadFixture('gmail', 'app');
    const template = doc.getElementById('FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp') as HTMLTemplateElement;
    doc.getElementById('view')!.replaceChildren(template.content.cloneNode(true));
    const findings = findPeopleInGmailThread(doc, threadUrl);
    expect(findings.thread).toEqual({ key: 'gmail:FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp', subject: 'Conference dinner' });
    expect(findings.people).toEqual([{ email: 'mary@jackson.example', name: 'Mary Jackson', role: 'from' }]);
  });

  test('the inbox view (thread markup only inside templates) has no people', () => {
    const findings = findPeopleInGmailThread(loadFixture('gmail', 'app'), new URL('https://mail.google.com/mail/u/0/#inbox'));
    expect(findings.people).toEqual([]);
    expect(findings.thread).toBeUndefined();
  });
});

describe('Gmail with unexpected markup (gmail/inbox-unexpected)', () => {
  test('yields no people and does not throw', () => {
    const findings = findPeopleInGmailThread(loadFixture('gmail', 'inbox-unexpected'), threadUrl);
    expect(findings.people).toEqual([]);
  });

  test('a recogniser that throws is contained by findSafely', () => {
    const broken = { ...gmailRecogniser, find: () => { throw new TypeError('markup changed'); } };
    expect(findSafely(broken, document, threadUrl)).toEqual({ people: [], self: [] });
  });
});
