import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `from` that holds package.json. */
function rootAbove(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/**
 * The project folder (migrations, client sources, dist/), found the same way whether this code runs from
 * src/ through tsx or from the server bundle in dist/.
 */
export const PROJECT_ROOT = rootAbove(dirname(fileURLToPath(import.meta.url)));
