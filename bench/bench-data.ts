import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { CONCERNS, phrase, seededRandom } from '../src/features/analytics/eval/synthetic-posts.js';
import { parseConfig } from '../src/platform/config/config.js';
import { toBase64Url } from '../src/platform/crypto/encoding.js';
import { randomBytes } from '../src/platform/crypto/hash.js';
import { deriveSecrets } from '../src/platform/crypto/secrets.js';
import { openLibsql } from '../src/platform/db/libsql.js';
import { mintTokens } from '../test/reliability/minted-tokens.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// seeded databases are kept here (gitignored) and copied for each run, so a re-run skips the seeding
const CACHE = join(ROOT, 'data/bench');

/**
 * A fresh copy, in `dir`, of the database seeded with `npm run cli -- seed --scale <scale>`; the seeded
 * original (and its SECRET_KEY) is made once under data/bench/ and reused unless `fresh`.
 */
export async function seededCopy(scale: number, dir: string, fresh: boolean) {
  mkdirSync(CACHE, { recursive: true });
  const cached = join(CACHE, `seed-${scale}.db`);
  const keyFile = join(CACHE, `seed-${scale}.key`);
  if (fresh || !existsSync(cached) || !existsSync(keyFile)) {
    const partial = `${cached}.partial`;
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${cached}-wal`])
      rmSync(f, { force: true });
    const secretKey = toBase64Url(randomBytes(32));
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', 'seed', '--scale', String(scale)],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: `file:${partial}`, SECRET_KEY: secretKey },
          // the seed's progress and summary go to our stderr; stdout is the benchmark's report
          stdio: ['ignore', 2, 2],
        },
      );
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}`))));
    });
    for (const ext of ['', '-wal']) if (existsSync(partial + ext)) renameSync(partial + ext, cached + ext);
    writeFileSync(keyFile, secretKey);
  }
  const file = join(dir, 'bench.db');
  for (const ext of ['', '-wal']) if (existsSync(cached + ext)) copyFileSync(cached + ext, file + ext);
  return { file, secretKey: readFileSync(keyFile, 'utf8').trim() };
}

/** The appeal ids and category ids of a database, for request paths. */
export async function databaseShape(file: string, secretKey: string) {
  const { db, close } = await openLibsql(
    parseConfig({ DATABASE_URL: `file:${file}`, SECRET_KEY: secretKey }),
  );
  try {
    const ids = await db.all<{ id: number }>(sql`SELECT id FROM appeals`);
    const cats = await db.all<{ id: number }>(sql`SELECT id FROM categories`);
    return { appealIds: ids.map((r) => Number(r.id)), categoryIds: cats.map((r) => Number(r.id)) };
  } finally {
    close();
  }
}

/**
 * A file for wrk-scenario.lua's `tokens` mode: `count` lines "authorization<TAB>json body", each token
 * minted for the database's active issuer key and the server's PUBLIC_ORIGIN.
 */
export async function tokenFile(
  path: string,
  db: { file: string; secretKey: string; publicOrigin: string; categoryIds: number[] },
  count: number,
) {
  const config = parseConfig({
    DATABASE_URL: `file:${db.file}`,
    SECRET_KEY: db.secretKey,
    PUBLIC_ORIGIN: db.publicOrigin,
  });
  const { db: conn, close } = await openLibsql(config);
  const tokens = await mintTokens(conn, deriveSecrets(db.secretKey), config.PUBLIC_ORIGIN, count).finally(
    close,
  );
  const random = seededRandom(count);
  const lines = tokens.map((t) => {
    const concern = CONCERNS[Math.floor(random() * CONCERNS.length)]!;
    const categoryId = db.categoryIds[Math.floor(random() * db.categoryIds.length)];
    const body = { title: phrase(concern, random).slice(0, 60), body: phrase(concern, random), categoryId };
    return `${t.authorization}\t${JSON.stringify(body)}`;
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** A file for `paths` mode: one request path a line. */
export function pathFile(path: string, paths: string[]) {
  writeFileSync(path, `${paths.join('\n')}\n`);
}
