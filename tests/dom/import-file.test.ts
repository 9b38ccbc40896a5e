import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readImportFile } from '../../components/settings/import-file';

/** A small file that says it is `bytes` long, as a 50 MB pick would. */
function fileOfSize(name: string, bytes: number): File {
  const file = new File(['BEGIN:VCARD\r\nEND:VCARD\r\n'], name);
  Object.defineProperty(file, 'size', { value: bytes });
  return file;
}

test('a 50 MB contacts file gets a clear message before anything is read or sent to the worker', async () => {
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
  const read = vi.spyOn(File.prototype, 'arrayBuffer');
  await expect(readImportFile(fileOfSize('everyone.vcf', 50 * 1024 * 1024))).rejects.toThrow(
    /“everyone\.vcf” is 50 MB; Tend imports contact files up to 25 MB .* Nothing was imported\./,
  );
  expect(read).not.toHaveBeenCalled();
  expect(sent).not.toHaveBeenCalled();
});

test('a large backup is still accepted for restore (up to its own limit)', async () => {
  await expect(readImportFile(fileOfSize('tend-backup.json', 50 * 1024 * 1024))).rejects.not.toThrow(/imports contact files up to/);
});
