import { expect, test } from 'vitest';
import { readImportFile } from '../../components/settings/import-file';
import { freshDb } from '../unit/helpers';

/** A small file that says it is `bytes` long, as a 50 MB pick would. */
function fileOfSize(name: string, bytes: number): File {
  const file = new File(['BEGIN:VCARD\r\nEND:VCARD\r\n'], name);
  Object.defineProperty(file, 'size', { value: bytes });
  return file;
}

test('a 50 MB contacts file gets a clear message before anything is read or written', async () => {
  const db = await freshDb();
  await expect(readImportFile(db, fileOfSize('everyone.vcf', 50 * 1024 * 1024))).rejects.toThrow(
    /“everyone\.vcf” is 50 MB; Tend imports contact files up to 25 MB .* Nothing was imported\./,
  );
  expect(await db.count('contacts')).toBe(0);
});

test('a large backup is still accepted for restore (up to its own limit)', async () => {
  const db = await freshDb();
  await expect(readImportFile(db, fileOfSize('tend-backup.json', 50 * 1024 * 1024))).rejects.not.toThrow(/imports contact files up to/);
});
