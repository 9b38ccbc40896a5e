/** A file handed to the worker whole: read there in slices, staged as an upload, answered on the page's port. */
import { expect, test } from 'vitest';
import type { FileUploadAnswer } from '../../utils/messaging/features/file-upload';
import { SLICE_BYTES } from '../../utils/portability/file-text';
import { receiveFileUpload, type FileUploadEvent } from '../../utils/services/portability/file-uploads';
import { chunksOf } from '../../utils/services/portability/transfers';

const ORIGIN = 'chrome-extension://tendid';

/** A port that keeps what the worker says, and can say Cancel as the page would. */
function pagePort(onAnswer: (answer: FileUploadAnswer, port: FakePort) => void = () => undefined) {
  const port = {
    answers: [] as FileUploadAnswer[],
    closed: false,
    onmessage: null as null | ((event: MessageEvent) => void),
    postMessage(answer: FileUploadAnswer) {
      port.answers.push(answer);
      onAnswer(answer, port);
    },
    close() {
      port.closed = true;
    },
    cancel() {
      port.onmessage?.({ data: 'cancel' } as MessageEvent);
    },
  };
  return port;
}
type FakePort = ReturnType<typeof pagePort>;

/** Post `data` as an extension page would; resolves once the worker is done with it. */
async function post(data: unknown, port: FakePort, origin = ORIGIN): Promise<void> {
  let work: Promise<unknown> = Promise.resolve();
  const event: FileUploadEvent = { data, origin, ports: [port as unknown as MessagePort], waitUntil: (promise) => (work = promise) };
  receiveFileUpload(event, `${ORIGIN}/`);
  await work;
}

/** A text longer than two slices, with characters of two, three and four bytes across the slice ends. */
const TEXT = 'Zoë — 日本 😀 '.repeat(Math.ceil((2.5 * SLICE_BYTES) / 20));

test('a file larger than a slice is read by the worker in slices and staged as one upload with its text whole', async () => {
  const port = pagePort();
  const transferId = crypto.randomUUID();
  const file = new Blob([TEXT]);
  await post({ type: 'uploadFile', transferId, file }, port);
  const last = port.answers.at(-1);
  expect(last).toEqual({ chunks: 3 });
  // Progress after each slice, rising to the whole file.
  const read = port.answers.flatMap((answer) => ('bytes' in answer ? [answer.bytes] : []));
  expect(read).toEqual([SLICE_BYTES, 2 * SLICE_BYTES, file.size]);
  expect(chunksOf({ transferId, chunks: 3 }).join('')).toBe(TEXT);
  expect(port.closed).toBe(true);
});

test('Cancel from the page stops the reading and drops what was staged', async () => {
  const transferId = crypto.randomUUID();
  const port = pagePort((answer, self) => 'bytes' in answer && self.cancel());
  await post({ type: 'uploadFile', transferId, file: new Blob([TEXT]) }, port);
  expect(port.answers).toEqual([{ bytes: SLICE_BYTES }]);
  expect(() => chunksOf({ transferId, chunks: 3 })).toThrow(/stopped while the file was being handed/);
});

test('a message that is not a file upload gets an error in words and stages nothing', async () => {
  const transferId = crypto.randomUUID();
  const port = pagePort();
  await post({ type: 'uploadFile', transferId, file: 'not a file' }, port);
  expect(port.answers).toEqual([{ error: expect.stringMatching(/was not complete\. Nothing was changed/) }]);
  expect(() => chunksOf({ transferId, chunks: 2 })).toThrow();
});

test('a message from another origin is ignored', async () => {
  const transferId = crypto.randomUUID();
  const port = pagePort();
  await post({ type: 'uploadFile', transferId, file: new Blob([TEXT]) }, port, 'https://evil.example');
  expect(port.answers).toEqual([]);
  expect(() => chunksOf({ transferId, chunks: 3 })).toThrow();
});
