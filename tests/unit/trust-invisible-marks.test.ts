/**
 * Invisible characters in addresses (issue #8): a page can hide zero-width and bidi characters
 * in an address, literally or percent-escaped in a mailto link. The stored identity never holds
 * one: the address a reader sees is the one Tend keeps, so the twin is the same person.
 */
import { expect, test } from 'vitest';
import { emailIdentity } from '../../utils/portability/import/identities';
import { cleanName, toEmailAddress } from '../../utils/identity/addresses';
import { addressesInMailto } from '../../utils/recognise/web/mailto';
import { findAddressesInText } from '../../utils/recognise/web/text-scan';

test.each([
  ['a\u200Bb@example.com', 'ab@example.com'],
  ['mailto:a%E2%80%8Bb@example.com', 'ab@example.com'],
  ['mailto:ri%E2%80%AEght@example.com', 'right@example.com'],
  ['mailto:%EF%BB%BFbom@example.com?subject=x', 'bom@example.com'],
  ['mailto:word%E2%81%A0joiner@example.com', 'wordjoiner@example.com'],
  ['mailto:ab@exa%E2%80%8Cmple.com', 'ab@example.com'],
  ['ab@example.com\u202C', 'ab@example.com'],
])('%j is stored as %j', (raw, stored) => {
  expect(toEmailAddress(raw)).toBe(stored);
});

test('an escaped zero-width twin in a mailto link is the same address as the plain one', () => {
  expect(addressesInMailto('mailto:zoe.%E2%80%8Bwidth@invisible.example,zoe.width@invisible.example')).toEqual(['zoe.width@invisible.example']);
});

// Sightings normalise twice (content script, then background), which hid the escaped marks;
// an address from an import file, the card or the settings is normalised once.
test('an escaped zero-width space in an imported address is not kept', () => {
  expect(emailIdentity('a%E2%80%8Bb@example.com')).toEqual({ identity: { kind: 'email', value: 'ab@example.com' } });
});

test('a megabyte name from a page is capped; a megabyte address is no address', () => {
  expect(cleanName(`\u2066${'N'.repeat(1024 * 1024)}\u2069`)).toBe(`${'N'.repeat(199)}…`);
  expect(toEmailAddress(`mailto:${'h'.repeat(1024 * 1024)}@huge.example`)).toBeUndefined();
  expect(toEmailAddress(`mailto:big@huge.example?body=${'q'.repeat(1024 * 1024)}`)).toBe('big@huge.example');
});

// In visible text a mark used to end the address: the reader would have kept someone else.
test.each([
  ['write to a\u200Bb@example.com today', ['ab@example.com']],
  ['write to ab@mail.example\u200B.com today', ['ab@mail.example.com']],
  ['ri\u202Eght@example.com and \uFEFFbom@example.com', ['right@example.com', 'bom@example.com']],
  ['ab@example.com\u202C, then cd@example.com', ['ab@example.com', 'cd@example.com']],
])('visible text %j reads as %j, never as a shorter address', (text, addresses) => {
  expect(findAddressesInText(text)).toEqual(addresses);
});
