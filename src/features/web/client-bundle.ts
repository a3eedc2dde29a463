import type { StaticFile } from './static-assets.js';

/**
 * The browser bundle (wallet and posting), built from src/client by client-build.node.ts: the entry
 * script's URL and every file by URL. Absent, the pages still work for reading; posting says it cannot.
 */
export interface ClientBundle {
  script: string;
  files: ReadonlyMap<string, StaticFile>;
}

/** dist/client/manifest.json: the entry script's URL and the file names; each file has a `.gz` twin. */
export interface ClientManifest {
  script: string;
  files: string[];
}
