/**
 * Page requests of the followups feature: schemas and result schemas, merged into PageRequest in
 * ../protocol.ts. The feature's owner adds requests here without touching the core protocol.
 */
import type { z } from 'zod';

export const followupsRequests = [] as const;

export const followupsResults = {} satisfies Record<string, z.ZodType>;
