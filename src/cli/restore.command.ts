import { systemClock } from '../platform/clock.js';
import { parseConfig } from '../platform/config/config.js';
import { resolveSecretKey } from '../platform/config/secret-file.js';
import { deriveSecrets } from '../platform/crypto/secrets.js';
import { migrateLibsql, openLibsql } from '../platform/db/libsql.js';
import { oneFile } from './backup.command.js';
import { copyBackupTo, filePath, tableCount } from './backup-copy.js';
import type { Command } from './commands.js';
import { retireBackedUpKeys } from './restore-keys.js';

/**
 * `restore <file>` into an empty DATABASE_URL (never over data): copy, migrate to this version, then retire
 * the token keys of backup time (the copy has no spent nonces) and close surveys that were open.
 */
export const restoreCommand: Command = {
  summary: 'restore a backup into an empty DATABASE_URL; retires the token keys of backup time',
  usage: '<file>',
  noDatabase: true,
  async run(ctx, args) {
    const backup = oneFile(args, 'npm run cli -- restore <file>');
    const config = parseConfig(process.env);
    const target = filePath(config.DATABASE_URL);
    const existing = await tableCount(target);
    if (existing > 0) {
      throw new Error(
        `refusing to restore: ${target} already holds ${existing} tables; restore into an empty DATABASE_URL`,
      );
    }
    const secrets = deriveSecrets(resolveSecretKey(config).key);
    ctx.err(`copying ${backup} to ${target}…`);
    await copyBackupTo(backup, target);
    const { db, close } = await openLibsql(config);
    try {
      ctx.err('applying migrations…');
      await migrateLibsql(db);
      const r = await retireBackedUpKeys(db, secrets, systemClock.now());
      ctx.err(
        `retired ${r.retiredKeys} issuer keys of backup time, made a new one; closed ${r.closedSurveys} open surveys`,
      );
    } finally {
      close();
    }
    ctx.out(`restored ${backup} into ${target}`);
  },
};
