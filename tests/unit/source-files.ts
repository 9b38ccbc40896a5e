import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every source file under a folder (paths as given, relative to the project root the tests run from); .d.ts files are types, not code. */
export function sourceFiles(dir: string, pattern: RegExp = /\.tsx?$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}
