import { describe, expect, test } from 'vitest';
import { findPeopleOnOutlookPage, outlookConversationIdFromUrl, outlookRecogniser } from '../../utils/recognise/outlook/recogniser';
import { loadFixture } from './load-fixture';
import { readsPage } from '../../utils/recognise/registry';

const conversationUrl = new URL('https://outlook.office.com/mail/inbox/id/AAQkAGI2TWFpbExpc3QxAAA%3D');

describe('Outlook reading pane (outlook/reading-pane)', () => {
  const findings = outlookRecogniser.find(loadFixture('outlook', 'reading-pane'), conversationUrl);

  test('sender, To and Cc from the labelled header lines, addresses from titles, once each', () => {
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from', newest: true },
      { email: 'charles@engine.example', name: 'Charles Babbage', role: 'to' },
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'cc' },
      { email: 'team-list@analytical.example', role: 'cc' },
    ]);
  });

  test("the account manager's mailbox is self, and the user's own recipient entry is not a person", () => {
    expect(findings.self).toEqual(['me@contoso.example']);
    expect(findings.people.map((p) => p.name)).not.toContain('Me Myself');
  });

  test('the message list, bodies (mailto, quoted headers), attachments and scripts add nobody', () => {
    const emails = findings.people.map((p) => p.email);
    for (const stray of [
      'list-only@inbox.example',
      'preview@body.example',
      'signature@body.example',
      'quoted@body.example',
      'diagram@2x.png',
      'script-only@example.com',
    ]) {
      expect(emails).not.toContain(stray);
    }
  });

  test('the thread is the conversation id from the URL, with the subject heading', () => {
    expect(findings.thread).toEqual({ key: 'outlook:AAQkAGI2TWFpbExpc3QxAAA=', subject: 'Engine trial' });
  });

  test('without an id in the URL the thread is keyed by its subject', () => {
    const bySubject = outlookRecogniser.find(loadFixture('outlook', 'reading-pane'), new URL('https://outlook.office.com/mail/inbox'));
    expect(bySubject.thread).toEqual({ key: 'outlook:subject:Engine trial', subject: 'Engine trial' });
  });
});

describe('Outlook compose (outlook/compose)', () => {
  const findings = outlookRecogniser.find(loadFixture('outlook', 'compose'), new URL('https://outlook.office365.com/mail/inbox'));

  test('resolved recipients of the To, Cc and Bcc wells, with names from pill titles, text or personas', () => {
    expect(findings.people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'to' },
      { email: 'new.person@guest.example', role: 'to' },
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'cc' },
      { email: 'christine@darden.example', name: 'Christine Darden', role: 'bcc' },
    ]);
  });

  test("the From line and the account manager's aria-label name the user's mailbox", () => {
    expect(findings.self).toEqual(['me@contoso.example']);
  });

  test('text being typed, the body and the message list add nobody; a draft is not a thread', () => {
    const emails = findings.people.map((p) => p.email);
    for (const stray of ['half-typed@unfinished', 'me-signature@contoso.example', 'body-only@guest.example', 'list-only@inbox.example']) {
      expect(emails).not.toContain(stray);
    }
    expect(findings.thread).toBeUndefined();
  });

  test('a well whose label names no field Tend knows is not read', () => {
    const doc = loadFixture('outlook', 'compose');
    doc.querySelector('[role="textbox"][aria-label="Bcc"]')!.setAttribute('aria-label', 'Notes');
    expect(outlookRecogniser.find(doc, new URL('https://outlook.office365.com/mail/inbox')).people.map((p) => p.email)).not.toContain(
      'christine@darden.example',
    );
  });
});

describe('Outlook people shown by name only (outlook/name-only)', () => {
  const url = new URL('https://outlook.live.com/mail/0/deeplink/read/AQMkADAwATM0MDAAMS1kZjM2LWQ1NjUtMDACLTAwCgBGAAAD%3D');
  const findings = outlookRecogniser.find(loadFixture('outlook', 'name-only'), url);

  test('names without addresses become name-only candidates; a persona with an address completes one', () => {
    expect(findings.people).toEqual([
      { name: 'Dorothy Vaughan', role: 'from', newest: true },
      { name: 'Jackson, Mary', role: 'to' },
      { name: 'Katherine Johnson', role: 'to' },
      { email: 'annie@fabrikam.example', name: 'Annie Easley', role: 'cc' },
    ]);
  });

  test('the mailbox root and account card name the user; their display name is not a person', () => {
    expect(findings.self).toEqual(['me@fabrikam.example']);
    expect(findings.people.map((p) => p.name)).not.toContain('Me Myself');
  });

  test("the account card alone names the user's mailbox", () => {
    const doc = loadFixture('outlook', 'name-only');
    doc.querySelector('[id^="primaryMailboxRoot_"]')!.remove();
    expect(outlookRecogniser.find(doc, url).self).toEqual(['me@fabrikam.example']);
  });

  test('the mailbox root alone keeps the user off the page but teaches no own address (it is not the account manager)', () => {
    const doc = loadFixture('outlook', 'name-only');
    doc.querySelector('#mectrl_currentAccount_secondary')!.remove();
    const findings = outlookRecogniser.find(doc, url);
    expect(findings.self).toEqual([]);
    expect(findings.people.map((p) => p.email)).not.toContain('me@fabrikam.example');
  });

  test('a pop-out window (main landmark only) is a thread keyed by the id in its URL; template text is not read', () => {
    expect(findings.thread).toEqual({ key: 'outlook:AQMkADAwATM0MDAAMS1kZjM2LWQ1NjUtMDACLTAwCgBGAAAD=', subject: 'Budget review' });
  });

  test('no address is invented and job titles are not names', () => {
    expect(findings.people.filter((p) => p.email).map((p) => p.email)).toEqual(['annie@fabrikam.example']);
    expect(findings.people.map((p) => p.name)).not.toContain('Mathematician');
    expect(findings.people.map((p) => p.email)).not.toContain('finance@fabrikam.example');
  });
});

describe('Outlook URLs', () => {
  test.each([
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI2%3D', 'AAQkAGI2='],
    ['https://outlook.office.com/mail/id/AAQkAGI3', 'AAQkAGI3'],
    ['https://outlook.live.com/mail/0/inbox/id/AQMkAD%2FZ', 'AQMkAD/Z'],
    ['https://outlook.office365.com/mail/deeplink/read/AAMkAGI4', 'AAMkAGI4'],
    ['https://outlook.office.com/mail/inbox/id/bad%E0%A4%A', 'bad%E0%A4%A'],
    ['https://outlook.office.com/mail/inbox', undefined],
    ['https://outlook.office.com/mail/deeplink/compose', undefined],
    [`https://outlook.office.com/mail/inbox/id/${'A'.repeat(600)}`, undefined],
  ])('%s carries conversation id %s', (href, id) => {
    expect(outlookConversationIdFromUrl(new URL(href))).toBe(id);
  });

  test.each([
    ['https://outlook.live.com/mail/0/', true],
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.office365.com/mail/', true],
    ['https://outlook.office.com.evil.example/mail/', false],
    ['http://outlook.office.com/mail/', false],
    ['https://mail.google.com/mail/u/0/', false],
  ])('the Outlook recogniser matches %s: %s', (href, matches) => {
    expect(readsPage(outlookRecogniser, new URL(href))).toBe(matches);
  });
});

/** A reading pane holding one element per [attribute, value] pair. */
function paneWith(pairs: [string, string][]): Document {
  const doc = document.implementation.createHTMLDocument('Outlook');
  const pane = doc.createElement('div');
  pane.id = 'ReadingPaneContainerId';
  for (const [attribute, value] of pairs) {
    const element = doc.createElement('span');
    element.setAttribute(attribute, value);
    pane.append(element);
  }
  doc.body.append(pane);
  return doc;
}

describe('Outlook header line labels', () => {
  test.each([
    ["From: 'Ada Lovelace' <ada@analytical.example>", { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'from' }],
    ['Von: "Lovelace, Ada" <ada@analytical.example>', { email: 'ada@analytical.example', name: 'Lovelace, Ada', role: 'from' }],
    ['An: Charles Babbage', { name: 'Charles Babbage', role: 'to' }],
    ['Cc: grace@navy.example', { email: 'grace@navy.example', role: 'cc' }],
    ['Cci: christine@darden.example', { email: 'christine@darden.example', role: 'bcc' }],
  ])('%j', (label, person) => {
    expect(findPeopleOnOutlookPage(paneWith([['aria-label', label]]), conversationUrl).people).toEqual([person]);
  });

  test('several addresses in one entry are each a person, without a shared name', () => {
    const people = findPeopleOnOutlookPage(paneWith([['aria-label', 'To: a@one.example, b@two.example']]), conversationUrl).people;
    expect(people).toEqual([
      { email: 'a@one.example', role: 'to' },
      { email: 'b@two.example', role: 'to' },
    ]);
  });

  test('hostile attribute sizes cost little: only the start of a label is read', () => {
    const started = performance.now();
    const huge = `To: ${' '.repeat(200_000)}x <a@b.example>; ${'Name; '.repeat(50_000)}`;
    const people = findPeopleOnOutlookPage(
      paneWith([
        ['aria-label', huge],
        ['title', 'a@'.repeat(200_000)],
      ]),
      conversationUrl,
    ).people;
    expect(people).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('Outlook with odd markup', () => {
  test('a page without a pane or people yields nothing and does not throw', () => {
    const doc = document.implementation.createHTMLDocument('Outlook');
    expect(findPeopleOnOutlookPage(doc, conversationUrl)).toEqual({ people: [], self: [] });
  });

  test('labels, titles and personas without usable content add nobody', () => {
    const doc = paneWith([
      ['aria-label', 'To: ; ;'],
      ['aria-label', 'Cc: a@'],
      ['title', '@@ <@> x@y'],
      ['aria-label', 'Sent: Mon 09:12'],
      ['class', 'ms-Persona'],
    ]);
    expect(findPeopleOnOutlookPage(doc, conversationUrl).people).toEqual([]);
  });
});
