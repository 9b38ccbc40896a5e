/**
 * A file an options page hands to the worker whole (utils/services/portability/file-uploads.ts):
 * posted to the service worker with a MessageChannel port, answered on that port. A File is a
 * handle to bytes on disk, so nothing of it is read in the page.
 */
import { z } from 'zod';

/** How the worker decodes a file: a backup (UTF-8, or UTF-16 by its mark), or a contacts file (also Windows-1252). */
export const FileReading = z.enum(['backup', 'contacts']);
export type FileReading = z.infer<typeof FileReading>;

/** The page's message: the file, how to read it and the upload id its text is staged under. */
export const FileUploadMessage = z.object({
  type: z.literal('uploadFile'),
  transferId: z.uuid(),
  file: z.instanceof(Blob),
  readAs: FileReading.default('backup'),
});
export type FileUploadMessage = z.input<typeof FileUploadMessage>;

/** The worker's answers: bytes read so far (after each slice), then the chunks staged, or an error in words. */
export const FileUploadAnswer = z.union([
  z.object({ bytes: z.number().int().nonnegative() }),
  z.object({ chunks: z.number().int().min(1) }),
  z.object({ error: z.string() }),
]);
export type FileUploadAnswer = z.infer<typeof FileUploadAnswer>;
