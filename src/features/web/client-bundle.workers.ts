import type { ClientBundle, ClientManifest } from './client-bundle.js';
import type { StaticFile } from './static-assets.js';

/** The Static Assets binding of wrangler.toml ([assets] binding = "ASSETS"): dist/client by path. */
export interface AssetsFetcher {
  fetch(input: string): Promise<Response>;
}

// the binding ignores the host; any absolute URL names a file of the assets directory
const BASE = 'https://assets.invalid/';
const JS = 'text/javascript; charset=utf-8';

async function bytesOf(assets: AssetsFetcher, name: string): Promise<Uint8Array> {
  const res = await assets.fetch(`${BASE}${name}`);
  if (!res.ok) throw new Error(`client bundle file ${name} is missing from the assets (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The bundle `npm run build:client` wrote to dist/client (wrangler's [build] runs it before dev and
 * deploy), read once per isolate and then served by the app's /assets route exactly as on Node: same
 * bytes, same gzip, same immutable caching and CSP. Undefined when the build is absent.
 */
export async function loadClientBundleFromAssets(assets: AssetsFetcher): Promise<ClientBundle | undefined> {
  const res = await assets.fetch(`${BASE}manifest.json`);
  if (!res.ok) return undefined;
  const manifest = (await res.json()) as ClientManifest;
  const entries = await Promise.all(
    manifest.files.map(async (name): Promise<[string, StaticFile]> => {
      const [body, gzip] = await Promise.all([bytesOf(assets, name), bytesOf(assets, `${name}.gz`)]);
      return [`/assets/${name}`, { body, gzip, type: JS }];
    }),
  );
  const files = new Map(entries);
  return files.has(manifest.script) ? { script: manifest.script, files } : undefined;
}
