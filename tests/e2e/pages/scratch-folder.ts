import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder for the files a test picks from disk (large ones: no copy through the test's connection). */
export async function scratchFolder(prefix: string): Promise<{ write: (name: string, text: string) => Promise<string>; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  return {
    /** Put a file in the folder under its name; its path. */
    write: async (name, text) => {
      const path = join(folder, name);
      await writeFile(path, text);
      return path;
    },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
