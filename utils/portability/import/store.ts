/** Types for the code that reads and writes the `imports` store (database v2, see db/open.ts). */
import type { TendDatabase } from '../../db/schema';

/** The database, which has the imports store since v2. */
export type ImportsDatabase = TendDatabase;
