import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildClientBundle, CLIENT_OUT_DIR } from '../../src/features/web/client-build.node.js';

/** Where the pre-bundled privacypass-ts goes: a cache folder, never committed. */
export const privacypassBundle = fileURLToPath(
  new URL('../../node_modules/.cache/zhitong-workers/privacypass-ts.mjs', import.meta.url),
);

/**
 * Builds dist/client as wrangler's [build] (`npm run build:client`) does before dev and deploy: the browser
 * bundle the ASSETS binding serves. Then pre-bundles @cloudflare/privacypass-ts for the workerd test pool:
 * imported as is, its bundled sjcl fails there with "Cannot set property default of [object Module]"; one
 * ESM file does not. (`wrangler dev` and `wrangler deploy` bundle it themselves and need none of this.)
 */
export default async function buildForWorkerd() {
  await buildClientBundle({ outDir: CLIENT_OUT_DIR });
  await build({
    entryPoints: ['@cloudflare/privacypass-ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['crypto'],
    outfile: privacypassBundle,
    logLevel: 'warning',
  });
}
