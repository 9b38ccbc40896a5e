/**
 * Issue 14, "the card follows the thread": with several correspondents, the sender of the newest
 * message is marked. A writes, B replies, A writes again: B is the last to appear for the first
 * time, A wrote last. The mail recognisers say who (Candidate.newest), not the order of first
 * appearance.
 */
import { describe, expect, test } from 'vitest';
import { gmailRecogniser } from '../../utils/recognise/gmail/recogniser';
import { outlookRecogniser } from '../../utils/recognise/outlook/recogniser';
import type { PageFindings } from '../../utils/recognise/shared/types';
import { loadFixture } from './load-fixture';

const gmailThread = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXq');
const outlookThread = new URL('https://outlook.office.com/mail/inbox/id/AAQkAGI2TWFpbEFCQQAA');

const newest = (findings: PageFindings) => findings.people.filter((person) => person.newest).map((person) => person.name);

describe('Gmail: a thread of Ada, Charles, Ada (gmail/thread-a-b-a)', () => {
  test('Ada sent the newest message; Charles, who replied in between, is not marked', () => {
    const findings = gmailRecogniser.find(loadFixture('gmail', 'thread-a-b-a'), gmailThread);
    expect(findings.people.map((person) => person.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(newest(findings)).toEqual(['Ada Lovelace']);
  });

  test('opening an older message again keeps Ada; a new message from Charles makes him the newest sender', () => {
    const doc = loadFixture('gmail', 'thread-a-b-a');
    const first = gmailRecogniser.find(doc, gmailThread);
    // Gmail redraws a message when it is opened: Charles's reply comes back as an added element.
    const reply = doc.querySelector('[data-message-id="#msg-f:1790000000000000202"]')!;
    const redrawn = reply.cloneNode(true) as Element;
    reply.replaceWith(redrawn);
    const afterOpening = gmailRecogniser.findInAdded!([redrawn], first, doc, gmailThread)!;
    expect(newest(afterOpening)).toEqual(['Ada Lovelace']);
    // Then Charles answers: his new message is added after Ada's.
    const answer = redrawn.closest('[role=listitem]')!.cloneNode(true) as Element;
    answer.querySelector('[data-message-id]')!.setAttribute('data-message-id', '#msg-f:1790000000000000204');
    doc.getElementById('messages')!.append(answer);
    const afterAnswer = gmailRecogniser.findInAdded!([answer], afterOpening, doc, gmailThread)!;
    expect(newest(afterAnswer)).toEqual(['Charles Babbage']);
  });

  test('a thread the user answered last marks the newest sender who is not the user', () => {
    const doc = loadFixture('gmail', 'thread-many-collapsed');
    const findings = gmailRecogniser.find(doc, new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXr'));
    expect(newest(findings)).toEqual(['Katherine Johnson']);
  });

  test('a thread list marks no one', () => {
    const findings = gmailRecogniser.find(loadFixture('gmail', 'thread-list'), new URL('https://mail.google.com/mail/u/0/#inbox'));
    expect(findings.people.length).toBeGreaterThan(1);
    expect(newest(findings)).toEqual([]);
  });
});

describe('Outlook: a conversation of Ada, Charles, Ada (outlook/reading-pane-a-b-a)', () => {
  test('Ada sent the newest message; Charles, who replied in between, is not marked', () => {
    const findings = outlookRecogniser.find(loadFixture('outlook', 'reading-pane-a-b-a'), outlookThread);
    expect(findings.people.map((person) => person.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(newest(findings)).toEqual(['Ada Lovelace']);
  });
});
