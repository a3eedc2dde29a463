import { parseConfig } from '../platform/config/config.js';
import { filePath, writeBackup } from './backup-copy.js';
import { type Command, UsageError } from './commands.js';

export function oneFile(args: string[], usage: string): string {
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError(`usage: ${usage}`);
  return args[0]!;
}

/**
 * `backup <file>`: a consistent online copy of DATABASE_URL while the server keeps serving, without the
 * salts, counters, spent nonces, survey ballots and sealed token keys (see SECURITY.md › Backups).
 */
export const backupCommand: Command = {
  summary: 'consistent online copy of the database, without salts, counters, nonces and token keys',
  usage: '<file>',
  noDatabase: true,
  async run(ctx, args) {
    const target = oneFile(args, 'npm run cli -- backup <file>');
    const config = parseConfig(process.env);
    filePath(config.DATABASE_URL);
    const started = performance.now();
    const { bytes } = await writeBackup(config.DATABASE_URL, target, ctx.err);
    ctx.err(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    ctx.out(`${target}\t${bytes} bytes`);
  },
};
