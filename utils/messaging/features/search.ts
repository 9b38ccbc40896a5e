/**
 * Page requests of the search feature: schemas and result schemas, merged into PageRequest in
 * ../protocol.ts. The feature's owner adds requests here without touching the core protocol.
 */
import type { z } from 'zod';

export const searchRequests = [] as const;

export const searchResults = {} satisfies Record<string, z.ZodType>;
