import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../platform/config/project-root.node.js';
import type { ClientBundle, ClientManifest } from './client-bundle.js';
import type { StaticFile } from './static-assets.js';

const ROOT = PROJECT_ROOT;
const ENTRY = join(ROOT, 'src/client/main.ts');
/** Build output; gitignored (dist/), never committed. */
export const CLIENT_OUT_DIR = join(ROOT, 'dist/client');
const JS = 'text/javascript; charset=utf-8';

const file = (body: Uint8Array): StaticFile => ({ body, gzip: gzipSync(body, { level: 9 }), type: JS });

/**
 * Bundles src/client with esbuild (a devDependency): minified ES2020, content-hashed names. With `outDir`
 * the files and a manifest.json are also written there, replacing an older build.
 * @example const bundle = await buildClientBundle({ outDir: CLIENT_OUT_DIR })
 */
export async function buildClientBundle(opts: { outDir?: string } = {}): Promise<ClientBundle> {
  const { build } = await import('esbuild');
  const outdir = opts.outDir ?? CLIENT_OUT_DIR;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { app: ENTRY },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    entryNames: '[name].[hash]',
    // pages other than posting and the wallet import their code on demand, so the posting page stays light
    splitting: true,
    chunkNames: '[name].[hash]',
    outdir,
    write: false,
    logLevel: 'silent',
  });
  const files = new Map<string, StaticFile>();
  for (const out of result.outputFiles) files.set(`/assets/${basename(out.path)}`, file(out.contents));
  const script = [...files.keys()].find((p) => /^\/assets\/app\.[^/]+\.js$/.test(p));
  if (!script) throw new Error('esbuild produced no entry script');
  if (opts.outDir) {
    await rm(outdir, { recursive: true, force: true });
    await mkdir(outdir, { recursive: true });
    for (const [path, f] of files) {
      await writeFile(join(outdir, basename(path)), f.body);
      // the same gzip bytes as here, so the Worker (client-bundle.workers.ts) sends what Node sends
      await writeFile(join(outdir, `${basename(path)}.gz`), f.gzip!);
    }
    const manifest: ClientManifest = { script, files: [...files.keys()].map((p) => basename(p)) };
    await writeFile(join(outdir, 'manifest.json'), JSON.stringify(manifest));
  }
  return { script, files };
}

/** A build written earlier (e.g. by `tsx scripts/build-client.ts` before deploying without devDependencies). */
export async function readClientBundle(dir = CLIENT_OUT_DIR): Promise<ClientBundle | undefined> {
  try {
    const { script } = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { script: string };
    const files = new Map<string, StaticFile>();
    for (const name of await readdir(dir)) {
      if (name.endsWith('.js')) files.set(`/assets/${name}`, file(await readFile(join(dir, name))));
    }
    return files.has(script) ? { script, files } : undefined;
  } catch {
    return undefined;
  }
}

/** The newest modification time of the bundle's sources: src/client, this build and the token library. */
async function sourcesChangedAt(): Promise<number> {
  const paths = [
    ...(await readdir(join(ROOT, 'src/client'), { recursive: true })).map((f) => join(ROOT, 'src/client', f)),
    join(ROOT, 'src/features/web/client-build.node.ts'),
    join(ROOT, 'node_modules/@cloudflare/privacypass-ts/package.json'),
  ];
  const times = await Promise.all(
    paths.map((p) =>
      stat(p).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  return Math.max(...times);
}

/**
 * At server start: the build in dist/client if it is newer than its sources, else a fresh build where
 * esbuild is installed, else whatever build there is.
 */
export async function loadClientBundle(): Promise<ClientBundle | undefined> {
  const builtAt = await stat(join(CLIENT_OUT_DIR, 'manifest.json')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (builtAt > (await sourcesChangedAt())) {
    const existing = await readClientBundle();
    if (existing) return existing;
  }
  try {
    return await buildClientBundle({ outDir: CLIENT_OUT_DIR });
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    return readClientBundle();
  }
}
