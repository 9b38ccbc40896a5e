import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseVCards, type ParsedCard } from '../../utils/portability/vcard/parse';

/** Real vCards exported by Google, Apple, Outlook, Android and XING, read at test time only (see SOURCES.txt). */
const interop = resolve('../shared/interop');
const exists = existsSync(resolve(interop, 'SOURCES.txt'));

type Expected = Pick<ParsedCard, 'displayName' | 'emails'> & Partial<Pick<ParsedCard, 'org' | 'title' | 'urls' | 'categories' | 'note'>>;

const N = 'Ñ';
const spaced = (count: number) => Array(count).fill(N).join(' ');
const ANDROID_NOTE = spaced(8) + spaced(8) + spaced(5);
const JOHN_DOE = { org: 'IBM', title: 'Money Counter' };
const ERIKA = { displayName: 'Dr. Erika Mustermann', emails: ['erika@mustermann.de'], org: 'Wikimedia', title: 'Redaktion & Gestaltung' };

/**
 * What each file's author wrote, card by card, read from the files by hand: the name (FN, or N,
 * ORG, the address when there is none) and the email addresses exactly as written.
 */
const expected: Record<string, Expected[]> = {
  'ez-vcard__John_Doe_ANDROID.vcf': [
    // Android wrote these two with an address only: the address is all there is to call them.
    { displayName: 'john.doe@company.com', emails: ['john.doe@company.com'], categories: ['My Contacts'] },
    { displayName: 'jane.doe@company.com', emails: ['jane.doe@company.com'] },
    // Quoted-printable UTF-8 (=C3=91), with soft line breaks inside the name.
    { displayName: spaced(5), emails: [] },
    // Two NOTEs, each three soft-broken lines whose breaks fall between two Ñ (no space there).
    { displayName: spaced(11), emails: [], note: `${ANDROID_NOTE}\n\n${ANDROID_NOTE}` },
    // The second address is a deliberately broken test value: kept as written, rejected by the preview.
    { displayName: spaced(4), emails: ['bob@company.com', N.repeat(14)], org: N.repeat(12), urls: ['www.company.com', 'http://www.company.com'] },
    { displayName: N.repeat(4), emails: ['henry@company.com'], org: N.repeat(44) },
  ],
  'ez-vcard__John_Doe_IPHONE.vcf': [{ displayName: 'Mr. John Richter James Doe Sr.', emails: ['john.doe@ibm.com'], urls: ['http://www.ibm.com'], ...JOHN_DOE }],
  'ez-vcard__John_Doe_MAC_ADDRESS_BOOK.vcf': [
    // The escaped comma is part of the name Apple wrote.
    { displayName: 'Mr. John Richter,James Doe Sr.', emails: ['john.doe@ibm.com'], urls: ['http://www.ibm.com'], ...JOHN_DOE },
  ],
  'ez-vcard__John_Doe_MS_OUTLOOK.vcf': [
    { displayName: 'Mr. John Richter James Doe Sr.', emails: ['john.doe@ibm.cm'], urls: ['http://www.ibm.com'], ...JOHN_DOE },
  ],
  'ez-vcard__gmail-single.vcf': [
    {
      displayName: 'Greg Dartmouth',
      emails: ['gdartmouth@hotmail.com'],
      urls: ['http://TheProfile.com'],
      org: 'TheCompany',
      title: 'TheJobTitle',
      note: "This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField",
    },
  ],
  'ez-vcard__outlook-2003.vcf': [
    {
      displayName: 'John Doe III',
      emails: ['jdoe@hotmail.com'],
      org: 'Company, The',
      title: 'The Job Title',
      urls: ['http://web-page-address.com'],
      note: 'This is the note field!!\nSecond line\n\nThird line is empty',
    },
  ],
  'node-vcf__multiple.vcf': [ERIKA, ERIKA, { ...ERIKA, urls: ['http://de.wikipedia.org/'] }],
  'node-vcf__vcard-2.1.vcf': [{ displayName: 'Forrest Gump', emails: ['forrestgump@example.com'], org: 'Bubba Gump Shrimp Co.', title: 'Shrimp Man' }],
  'node-vcf__vcard-4.0.vcf': [{ displayName: 'Forrest Gump', emails: ['forrestgump@example.com'], org: 'Bubba Gump Shrimp Co.', title: 'Shrimp Man' }],
  'node-vcf__xing.vcf': [
    {
      displayName: 'Hans-Peter Mustermann',
      emails: [],
      org: 'Example GmbH',
      title: 'CTO',
      categories: ['Consulting'],
      urls: ['http://www.example.com'],
      note: '17.02.2016, 19:18 - XING - http://www.xing.com/profile/Hans-Peter-Mustermann',
    },
  ],
};

describe.skipIf(!exists)('vCard interop corpus (../shared/interop)', () => {
  const files = exists ? readdirSync(interop).filter((name) => name.endsWith('.vcf')) : [];

  test('every .vcf file in the corpus has an expectation', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((name) => !(name in expected))).toEqual([]);
  });

  test.each(files)('%s imports as its author wrote it', (name) => {
    const result = parseVCards(readFileSync(resolve(interop, name)));
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.cards).toHaveLength(expected[name]!.length);
    result.cards.forEach((card, i) => expect(card).toMatchObject(expected[name]![i]!));
  });

  test('reads the whole corpus, as bytes and as text alike', () => {
    let cards = 0;
    for (const name of files) {
      const bytes = readFileSync(resolve(interop, name));
      const fromBytes = parseVCards(bytes);
      expect(parseVCards(bytes.toString('utf8'))).toEqual(fromBytes);
      cards += fromBytes.cards.length;
    }
    console.log(`vCard interop: checked ${files.length} files, ${cards} cards`);
    expect(files.length).toBeGreaterThan(0);
    expect(cards).toBe(Object.values(expected).flat().length);
  });
});
