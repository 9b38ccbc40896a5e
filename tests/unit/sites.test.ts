import { expect, test } from 'vitest';
import { isDeclaredOrigin } from '../../utils/recognise/sites';

test.each([
  ['https://www.linkedin.com/*', true],
  ['https://*.linkedin.com/*', true],
  ['https://mail.google.com/*', true],
  ['https://github.com/*', true],
  ['https://people.example/*', false],
  ['https://*/*', false],
  ['http://mail.google.com/*', false],
])('isDeclaredOrigin(%s) is %s', (origin, expected) => expect(isDeclaredOrigin(origin)).toBe(expected));
