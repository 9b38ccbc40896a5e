import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readImportFile } from '../../components/settings/import-file';
import type { TextPayload } from '../../utils/messaging/features/portability';
import { textOf } from '../../utils/services/portability/transfers';
import { installServiceWorker } from '../unit/fake-service-worker';

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

test('a UTF-16 vCard file is handed to the worker as its text, not refused as binary', async () => {
  const shown = {
    source: 'vCard: windows.vcf',
    newPeople: [],
    matches: [],
    rejected: [],
    warnings: [],
    counts: { newPeople: 1, matches: 0, rejected: 0, warnings: 0 },
  };
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { step: 'preview', shown, preview: { text: '{"id":1}' } } });
  const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ünal\r\nEMAIL:zoe@example.com\r\nEND:VCARD\r\n';
  const step = await readImportFile(utf16File('windows.vcf', vcard));
  expect(step).toMatchObject({ step: 'preview', shown });
  // The whole preview is kept as the worker wrote it, for the confirm to send back unread.
  expect(step.step === 'preview' && (await step.preview.text())).toBe('{"id":1}');
  const request = sent.mock.calls[0]![0] as { type: string; fileName: string; file: { text: string } };
  expect(request).toMatchObject({ type: 'previewImport', fileName: 'windows.vcf', file: { text: vcard } });
  sent.mockRestore();
});

test('a Windows-1252 file (as Outlook writes CSV) is handed to the worker whole and read there in that encoding', async () => {
  installServiceWorker('chrome-extension://tendid/');
  const sent = vi
    .spyOn(fakeBrowser.runtime, 'sendMessage')
    .mockResolvedValue({ ok: true, data: { step: 'mapping', headers: ['Wer'], suggested: { emails: [], urls: [] } } });
  // "é" in Windows-1252 is one byte, 0xE9: not UTF-8. It comes after the first slice, so the whole file is looked at.
  const bytes = Buffer.concat([
    Buffer.from('Wer,Post\r\n' + 'x,y\r\n'.repeat(30_000)),
    Buffer.from([0x52, 0xe9, 0x6d, 0x79, 0x2c, 0x72, 0x40, 0x65, 0x2e, 0x78, 0x0d, 0x0a]),
  ]);
  const step = await readImportFile(new File([bytes], 'outlook.csv'));
  expect(step).toMatchObject({ step: 'mapping', fileName: 'outlook.csv', headers: ['Wer'] });
  const [request, ...others] = sent.mock.calls.map(([message]) => message as { type: string; file: TextPayload });
  expect(others).toEqual([]);
  expect(request).toMatchObject({ type: 'previewImport', file: { chunks: expect.any(Number) } });
  expect(textOf(request!.file)).toMatch(/^Wer,Post\r\n[^]*Rémy,r@e\.x\r\n$/);
  sent.mockRestore();
});

test('a file of a kind Tend does not read is refused in the page, before anything is sent', async () => {
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
  await expect(readImportFile(new File(['PK\u0003\u0004'], 'people.xlsx'))).rejects.toThrow('Tend cannot read “people.xlsx”');
  expect(sent).not.toHaveBeenCalled();
});
