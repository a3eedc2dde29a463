import { prepareDatabase } from '../bootstrap.js';
import { systemClock } from '../platform/clock.js';
import { type Config, parseConfig } from '../platform/config/config.js';
import { resolveSecretKey } from '../platform/config/secret-file.js';
import { deriveSecrets } from '../platform/crypto/secrets.js';
import type { Db } from '../platform/db/db.js';
import { migrateLibsql, openLibsql } from '../platform/db/libsql.js';

/** What a command gets: the migrated database and the platform pieces, opened once. */
export interface CliContext {
  db: Db;
  config: Config;
  secrets: ReturnType<typeof deriveSecrets>;
  clock: typeof systemClock;
  /** Results: one item a line. */
  out(line: string): void;
  /** Diagnostics. */
  err(line: string): void;
  /** A progress bar on stderr for long jobs; call with done === total to finish the line. */
  progress(label: string, done: number, total: number): void;
}

export async function openCliContext(
  env: Record<string, string | undefined>,
): Promise<CliContext & { close(): void }> {
  const config = parseConfig(env);
  const secrets = deriveSecrets(resolveSecretKey(config).key);
  const { db, close } = await openLibsql(config);
  await migrateLibsql(db);
  await prepareDatabase(db, secrets, systemClock.now(), { seed: false });
  return {
    db,
    config,
    secrets,
    clock: systemClock,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress(label, done, total) {
      if (!process.stderr.isTTY && done !== total) return;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
      if (done === total) process.stderr.write('\n');
    },
    close,
  };
}
