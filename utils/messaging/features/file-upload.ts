/**
 * A file an options page hands to the worker whole (utils/services/portability/file-uploads.ts):
 * posted to the service worker with a MessageChannel port, answered on that port. A File is a
 * handle to bytes on disk, so nothing of it is read in the page.
 */
import { z } from 'zod';

/** The page's message: the file and the upload id its text is staged under. */
export const FileUploadMessage = z.object({
  type: z.literal('uploadFile'),
  transferId: z.uuid(),
  file: z.instanceof(Blob),
});
export type FileUploadMessage = z.infer<typeof FileUploadMessage>;

/** The worker's answers: bytes read so far (after each slice), then the chunks staged, or an error in words. */
export const FileUploadAnswer = z.union([
  z.object({ bytes: z.number().int().nonnegative() }),
  z.object({ chunks: z.number().int().min(1) }),
  z.object({ error: z.string() }),
]);
export type FileUploadAnswer = z.infer<typeof FileUploadAnswer>;
