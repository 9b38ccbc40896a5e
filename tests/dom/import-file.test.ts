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

/** A file of this text as Windows' "Unicode" (UTF-16 LE with a byte-order mark) writes it. */
const utf16File = (name: string, text: string) => new File([Buffer.from(`\uFEFF${text}`, 'utf16le')], name);

test('a UTF-16 vCard file is read and its people sent for the preview, not refused as binary', async () => {
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { text: JSON.stringify({ newPeople: [] }) } });
  const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ünal\r\nEMAIL:zoe@example.com\r\nEND:VCARD\r\n';
  await expect(readImportFile(utf16File('windows.vcf', vcard))).resolves.toMatchObject({ step: 'preview' });
  const request = sent.mock.calls[0]![0] as { type: string; file: { text: string } };
  expect(request.type).toBe('previewImport');
  expect(JSON.parse(request.file.text).candidates).toMatchObject([{ displayName: 'Zoë Ünal', emails: ['zoe@example.com'] }]);
  sent.mockRestore();
});

test('a UTF-16 CSV file of unknown columns goes to the column matching with its headers', async () => {
  const step = await readImportFile(utf16File('excel.csv', 'Wer,Post\r\nZoë,zoe@example.com\r\n'));
  expect(step).toMatchObject({ step: 'mapping', headers: ['Wer', 'Post'] });
});

test('a CSV with 20,000 columns is refused with the limit before the column matching is drawn', async () => {
  const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',');
  await expect(readImportFile(new File([`${header}\n`], 'wide.csv'))).rejects.toThrow(
    'No one can be imported from “wide.csv”: line 1: This file has 20,000 columns; Tend reads CSV files of up to 500 columns.',
  );
});
