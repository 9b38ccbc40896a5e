import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assembleBackup, BackupSyntaxError } from '../../utils/portability/backup/split';

/** A text cut into pieces at the given places. */
function cut(text: string, places: number[]): string[] {
  const at = [...new Set(places.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => text.slice(start, at[i] ?? text.length));
}

const BACKUP = {
  format: 'tend-backup',
  version: 1,
  exportedAt: '2024-05-01T12:00:00.000Z',
  contacts: [{ id: 'a', displayName: 'Ada "the first" {Lovelace}, [1815]', tags: ['x', 'y'], n: { deep: [1, [2, { z: '\\' }]] } }, { id: 'b' }],
  identities: [],
  interactions: ['a string , ] }', 12.5e3, true, null, [1, 2]],
  followUps: [],
  settings: { ownAddresses: ['me@x.example'], cadence: { a: 1 } },
};

describe('a backup read piece by piece', () => {
  test.each([
    ['compact', JSON.stringify(BACKUP)],
    ['indented as older Tends wrote it', JSON.stringify(BACKUP, null, 2)],
    ['with a BOM-free tab and CRLF layout', JSON.stringify(BACKUP, null, '\t').replace(/\n/g, '\r\n')],
  ])('%s: the same object as JSON.parse of the whole, however the text is cut', (_name, text) => {
    expect(assembleBackup([text])).toEqual(BACKUP);
    expect(assembleBackup(text.split(''))).toEqual(BACKUP);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (places) => {
        expect(assembleBackup(cut(text, places))).toEqual(BACKUP);
      }),
    );
  });

  test('any JSON object of strings, numbers and nested values comes out as JSON.parse gives it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()))), fc.array(fc.nat(), { maxLength: 8 }), (object, places) => {
        const text = JSON.stringify(object, null, 1);
        expect(assembleBackup(cut(text, places))).toEqual(JSON.parse(text));
      }),
    );
  });

  test('a field named __proto__ is an own field, as JSON.parse makes it (found by the property above)', () => {
    const text = '{"__proto__": [1], "contacts": []}';
    const backup = assembleBackup(cut(text, [5]));
    expect(Object.getPrototypeOf(backup)).toBe(Object.prototype);
    expect(Object.keys(backup)).toEqual(['__proto__', 'contacts']);
    expect(backup).toEqual(JSON.parse(text));
  });

  test.each([
    ['not an object', '[1, 2]', false, 1, 1],
    ['a broken record', '{\n  "contacts": [\n    {"id": }\n  ]\n}', false, 3, 5],
    ['a trailing comma', '{"a": [1, 2,]}', false, 1, 13],
    ['a comma before the end', '{"a": 1,}', false, 1, 9],
    ['text after the object', '{"a": 1} x', false, 1, 10],
    ['cut short', '{\n  "contacts": [\n    {"id": "a"}', true, 3, 16],
  ])('%s: refused with where it stopped', (_name, text, cutShort, line, column) => {
    const error = (() => {
      try {
        assembleBackup(cut(text, [3, 7]));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(BackupSyntaxError);
    expect(error).toMatchObject({ cutShort, line, column });
  });
});
