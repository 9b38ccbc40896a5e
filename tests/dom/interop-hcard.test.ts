import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toEmailAddress } from '../../utils/identity/addresses';
import { findPeopleOnWebPage } from '../../utils/recognise/web/recogniser';
import { findHCardPeople } from '../../utils/recognise/web/hcard';

/** microformats/tests' classic hCard email case, read at test time only (see SOURCES.txt beside it). */
const interop = resolve('../shared/interop');
const htmlPath = resolve(interop, 'mf-tests__hcard-v1-email.html');
const jsonPath = resolve(interop, 'mf-tests__hcard-v1-email.json');
const exists = existsSync(htmlPath) && existsSync(jsonPath);

// The suite's parser resolves plain-text u-email values as URLs against this base
// ("http://example.com/john@example.com"); the address is that URL's last segment.
const SUITE_BASE = new URL('http://example.com/');

interface ExpectedItem {
  type: string[];
  properties: { name?: string[]; email?: string[] };
}

/** The address an expected email value stands for: a mailto URL, or the tail of a resolved URL. */
function addressOf(value: string): string | undefined {
  return toEmailAddress(value) ?? toEmailAddress(decodeURIComponent(value.split('/').at(-1) ?? ''));
}

describe.skipIf(!exists)('h-card interop: microformats/tests hcard/email', () => {
  test('each expected h-card is recognised with its name and addresses; decoy link texts are not', () => {
    const doc = new DOMParser().parseFromString(readFileSync(htmlPath, 'utf8'), 'text/html');
    const expected = (JSON.parse(readFileSync(jsonPath, 'utf8')) as { items: ExpectedItem[] }).items.filter((item) => item.type.includes('h-card'));
    const found = findHCardPeople(doc, SUITE_BASE);
    expect(found).toHaveLength(expected.length);
    let propertiesChecked = 0;
    for (const [index, item] of expected.entries()) {
      const wantedEmails = [...new Set((item.properties.email ?? []).map(addressOf))];
      expect(wantedEmails.every(Boolean)).toBe(true);
      expect(found[index]?.name).toBe(item.properties.name?.[0]);
      expect(found[index]?.emails).toEqual(wantedEmails);
      propertiesChecked += (item.properties.name?.length ?? 0) + (item.properties.email?.length ?? 0);
    }
    // The whole page: one person, not the notthis@ addresses the links show as text.
    const people = findPeopleOnWebPage(doc, SUITE_BASE).people;
    expect(people).toEqual([{ email: 'john@example.com', name: 'John Doe', role: 'mention' }]);
    console.log(`h-card interop: checked ${expected.length} cards, ${propertiesChecked} property values, in 1 case`);
    expect(expected.length).toBeGreaterThan(0);
    expect(propertiesChecked).toBeGreaterThan(0);
  });
});
