import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { gmailRecogniser } from '../../utils/recognise/gmail/recogniser';

// A real Gmail inbox saved in December 2014 (InboxSDK's test page; see shared/interop/SOURCES.txt).
// Read from the shared folder where present, never copied into the project.
const INTEROP_FILE = resolve('../shared/interop', 'gmail-threadlist-2014__inboxsdk-injected-thread-identifier.html');
const present = existsSync(INTEROP_FILE);

test.skipIf(!present)('Gmail 2014 thread list: row senders are found once each, script copies add nobody', () => {
  const html = readFileSync(INTEROP_FILE, 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const rows = doc.querySelectorAll('tr.zA').length;
  // The page's VIEW_DATA script holds escaped copies of every row's sender markup.
  expect(html.includes('\\u003cspan class\\u003d\\"zF\\" email\\u003d')).toBe(true);

  const findings = gmailRecogniser.find(doc, new URL('https://mail.google.com/mail/u/0/#inbox'));

  expect(rows).toBe(16);
  expect(findings.people).toEqual([
    { email: 'news@twilio.com', name: 'Team Twilio', role: 'from' },
    { email: 'no-reply@accounts.google.com', name: 'Google', role: 'from' },
    { email: 'noreply-94292212@plus.google.com', name: 'Google+', role: 'from' },
    { email: 'help@twilio.com', name: 'Team Twilio', role: 'from' },
    { email: 'notifications@mailfoogae.appspotmail.com', name: 'Streak Notifications', role: 'from' },
    { email: 'cowan@streak.com', name: 'Chris Cowan', role: 'from' },
  ]);
  // Senders of threads that are in VIEW_DATA but not rendered as rows: a scan of page source would find them.
  const emails = findings.people.map((p) => p.email);
  for (const scriptOnly of ['mail-noreply@google.com', 'noreply-f45d5387@plus.google.com', 'tesla@streak.com', 'notifications@streak.com']) {
    expect(html).toContain(`email\\u003d\\"${scriptOnly}\\"`);
    expect(emails).not.toContain(scriptOnly);
  }
  // The rows' "me" keeps the user off the list; the page has no account button, so no own address is learned.
  expect(emails).not.toContain('streak.web.test.1@gmail.com');
  expect(findings.self).toEqual([]);
  expect(findings.thread).toBeUndefined();
  console.log(`interop-gmail: checked 1 interop file, ${rows} thread-list rows, ${findings.people.length} senders`);
});
