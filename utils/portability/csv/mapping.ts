/** The columns of a CSV the user matched to a person's fields: a schema only, so the messaging protocol can carry it. */
import { z } from 'zod';

/** Which columns hold what; each value is a header name of the file. */
export const CsvColumnMapping = z.object({
  displayName: z.string().optional(),
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  emails: z.array(z.string()).default([]),
  urls: z.array(z.string()).default([]),
  org: z.string().optional(),
  title: z.string().optional(),
  tags: z.string().optional(),
  note: z.string().optional(),
});
export type CsvColumnMapping = z.infer<typeof CsvColumnMapping>;
