import { expect, test } from 'vitest';
import { hostWithin, isAutomatedSender } from '../../utils/services/sightings/capture-rules';

test.each([
  ['noreply@github.com', true],
  ['no-reply@accounts.example', true],
  ['do-not-reply@bank.example', true],
  ['notifications@github.com', true],
  ['notification+tag@site.example', true],
  ['MAILER-DAEMON@mx.example'.toLowerCase(), true],
  ['noreplyhelp@people.example', false],
  ['nora@people.example', false],
  ['reply@people.example', false],
])('isAutomatedSender(%s) is %s', (email, expected) => expect(isAutomatedSender(email)).toBe(expected));

test.each([
  ['mail.example.com', 'example.com', true],
  ['example.com', 'Example.COM', true],
  ['www.example.com', 'example.com', true],
  ['badexample.com', 'example.com', false],
  ['example.com.evil.net', 'example.com', false],
  ['example.com', '', false],
])('hostWithin(%s, %s) is %s', (host, domain, expected) => expect(hostWithin(host, domain)).toBe(expected));
