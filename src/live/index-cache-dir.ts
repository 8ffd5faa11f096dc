// Where the index cache lives: inside STATE_DIR.
import { join } from 'node:path';

/** The index cache folder for a state folder. */
export function indexCacheDir(stateDir: string): string {
  return join(stateDir, 'index-cache');
}
