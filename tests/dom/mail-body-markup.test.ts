import { describe, expect, test } from 'vitest';
import { gmailRecogniser } from '../../utils/recognise/gmail/recogniser';
import { outlookRecogniser } from '../../utils/recognise/outlook/recogniser';
import type { PageFindings } from '../../utils/recognise/shared/types';
import { loadFixture } from './load-fixture';

// A sender's HTML can copy the markup a webmail uses for people. What is inside a message body
// (or a reply's quote of it) must give no person (so no "seen" entry) and no own address.

/** Every address the findings name: people and the user's own. */
const addressesIn = (findings: PageFindings) => [...findings.people.map((p) => p.email), ...findings.self].filter(Boolean);
const INJECTED = /evil\.example|corp\.example/;

describe('Gmail: markup inside message bodies is not read (gmail/thread-body-markup)', () => {
  const threadUrl = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp');
  const findings = gmailRecogniser.find(loadFixture('gmail', 'thread-body-markup'), threadUrl);

  test("the people are the headers' people and the reply's own chip, nobody from a body or a quote", () => {
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from', newest: true },
      { email: 'charles@engine.example', name: 'Charles Babbage', role: 'to' },
    ]);
    expect(addressesIn(findings).filter((a) => INJECTED.test(a!))).toEqual([]);
  });

  test('the own address is the account button\'s, never a body\'s "me", account button or From field', () => {
    expect(findings.self).toEqual(['me@example.com']);
  });

  test("the thread is the page's heading, not the heading a body carries", () => {
    expect(findings.thread).toEqual({ key: 'gmail:thread-f:1791000000000000001', subject: 'Invoice' });
  });

  test('a body added later (a message expanded) adds nobody either, read alone or with the whole page', () => {
    const doc = loadFixture('gmail', 'thread-body-markup');
    const body = doc.querySelectorAll('div.a3s')[1]!;
    const message = body.parentElement!;
    body.remove();
    const before = gmailRecogniser.find(doc, threadUrl);
    const withoutViewCopies = body.cloneNode(true) as Element;
    withoutViewCopies.querySelectorAll('h2.hP, tr.zA').forEach((copy) => copy.remove());
    message.append(withoutViewCopies);
    expect(gmailRecogniser.findInAdded!([withoutViewCopies], before, doc, threadUrl)).toEqual(before);
    // A copied message inside the body, added on its own, is no message.
    expect(gmailRecogniser.findInAdded!([withoutViewCopies.querySelector('div.adn.ads')!], before, doc, threadUrl)).toEqual(before);
    // A copy of a heading or list row asks for a full scan, which reads no body either.
    withoutViewCopies.replaceWith(body);
    expect(gmailRecogniser.findInAdded!([body], before, doc, threadUrl)).toBeUndefined();
    expect(gmailRecogniser.find(doc, threadUrl)).toEqual(findings);
  });

  test("without the bodies the fixture's copies would be read: each is markup the recogniser selects", () => {
    const doc = loadFixture('gmail', 'thread-body-markup');
    for (const area of doc.querySelectorAll('div.a3s, [contenteditable]')) area.replaceWith(...area.childNodes);
    doc.querySelector('[role="main"]')!.removeAttribute('role');
    const unguarded = gmailRecogniser.find(doc, threadUrl);
    const copies = ['collapsed-body', 'injected-sender', 'nested-message', 'injected-recipient', 'injected-cc', 'chip', 'quoted-chip', 'input-copy', 'card'];
    expect(addressesIn(unguarded)).toEqual(expect.arrayContaining(copies.map((name) => `${name}@evil.example`)));
    expect(unguarded.self).toEqual(expect.arrayContaining(['boss@corp.example', 'quoted-boss@corp.example']));
  });
});

describe("Outlook: markup inside the reading pane's message body is not read (outlook/reading-pane-body-markup)", () => {
  const url = new URL('https://outlook.office.com/mail/inbox/id/AAQkAGI2TWFpbExpc3QxAAA%3D');
  const findings = outlookRecogniser.find(loadFixture('outlook', 'reading-pane-body-markup'), url);

  test("the people are the header lines' people, nobody from the body", () => {
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from', newest: true },
      { email: 'charles@engine.example', name: 'Charles Babbage', role: 'to' },
    ]);
  });

  test("the own address is the banner's account manager's, never a copy of its ids in the body", () => {
    expect(findings.self).toEqual(['me@contoso.example']);
    expect(addressesIn(findings).filter((a) => INJECTED.test(a!))).toEqual([]);
  });

  test("without the body's role the copies would be read: each is markup the recogniser selects", () => {
    const doc = loadFixture('outlook', 'reading-pane-body-markup');
    doc.querySelector('[role="document"]')!.removeAttribute('role');
    const unguarded = outlookRecogniser.find(doc, url);
    expect(addressesIn(unguarded)).toEqual(expect.arrayContaining(['injected-sender@evil.example', 'title-copy@evil.example', 'mailto-copy@evil.example']));
  });
});
