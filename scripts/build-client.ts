/**
 * Builds the browser bundle into dist/client (files, their .gz twins, manifest.json) and prints its size.
 * Node builds it itself at start when esbuild is installed; run this before deploying without
 * devDependencies. Workers serve this folder ([assets] in wrangler.toml, whose [build] runs this).
 * Usage: npm run build:client
 */
import { buildClientBundle, CLIENT_OUT_DIR } from '../src/features/web/client-build.node.js';

const bundle = await buildClientBundle({ outDir: CLIENT_OUT_DIR });
for (const [path, f] of bundle.files) {
  const raw = typeof f.body === 'string' ? Buffer.byteLength(f.body) : f.body.length;
  process.stdout.write(
    `${path}  ${(raw / 1024).toFixed(1)} KB, gzip ${((f.gzip?.length ?? raw) / 1024).toFixed(1)} KB\n`,
  );
}
process.stdout.write(`written to ${CLIENT_OUT_DIR}\n`);
