import { parseArgs } from 'node:util';
import { seedDemo } from '../../db/seed/seed.js';
import {
  createCodeBatch,
  revokeCodeBatch,
  revokeOneCode,
  rotateIssuerKeysLogged,
  rotateSaltsLogged,
} from '../features/admin/index.js';
import { CLI_ACTOR } from '../features/audit/index.js';
import { toBase64Url } from '../platform/crypto/encoding.js';
import { randomBytes } from '../platform/crypto/hash.js';
import { analyseCommand } from './analyse.command.js';
import { backupCommand } from './backup.command.js';
import type { CliContext } from './context.js';
import { restoreCommand } from './restore.command.js';
import { seedScaleCommand } from './seed-scale.command.js';
import { verifyLogCommand } from './verify-log.command.js';

export interface Command {
  summary: string;
  usage?: string;
  /** Commands that need no database (gen-secret) say so. */
  noDatabase?: boolean;
  run(ctx: CliContext, args: string[]): Promise<void>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

function options<T extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>>(
  args: string[],
  spec: T,
) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: false, strict: true }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function positiveInt(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

/** The operator commands. Each prints only its result on stdout; everything else goes to stderr. */
export const commands: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations (also done on every start)',
    async run(ctx) {
      ctx.out('migrations applied');
    },
  },
  'seed-demo': {
    summary: 'seed the demo bureau on an empty database; prints the admin one-time password',
    async run(ctx) {
      const seeded = await seedDemo(ctx.db, ctx.clock.now(), { content: true });
      if (!seeded) {
        ctx.err('database already has data; nothing seeded');
        return;
      }
      for (const a of seeded.accounts) ctx.out(`${a.username}\t${a.role}\t${a.oneTimePassword}`);
    },
  },
  'gen-secret': {
    summary: 'print a new random SECRET_KEY',
    noDatabase: true,
    async run(ctx) {
      ctx.out(toBase64Url(randomBytes(32)));
    },
  },
  'codes create': {
    summary: 'create enrollment codes; prints one code a line',
    usage: '--count N [--days D] [--label TEXT]',
    async run(ctx, args) {
      const o = options(args, {
        count: { type: 'string' },
        days: { type: 'string' },
        label: { type: 'string' },
      });
      const count = positiveInt(o.count, 'count');
      const validDays = positiveInt(o.days, 'days', ctx.config.ENROLLMENT_CODE_DAYS);
      const { batchId, codes } = await createCodeBatch(ops(ctx), CLI_ACTOR, {
        count,
        validDays,
        label: o.label,
      });
      for (const c of codes) ctx.out(c);
      ctx.err(`batch ${batchId}: ${count} codes, valid ${validDays} days`);
    },
  },
  'codes revoke': {
    summary: 'revoke one code (--code) or a whole batch (--batch); prints how many were revoked',
    usage: '--code CODE | --batch ID',
    async run(ctx, args) {
      const o = options(args, { code: { type: 'string' }, batch: { type: 'string' } });
      if (!o.code === !o.batch) throw new UsageError('give exactly one of --code or --batch');
      const n = o.code
        ? Number(await revokeOneCode(ops(ctx), CLI_ACTOR, o.code))
        : await revokeCodeBatch(ops(ctx), CLI_ACTOR, positiveInt(o.batch, 'batch'));
      ctx.out(String(n));
    },
  },
  'rotate-salts': {
    summary: 'destroy all rate-limit salts and counters now, and budget salts of past periods',
    async run(ctx) {
      ctx.out(`destroyed ${await rotateSaltsLogged(ops(ctx), CLI_ACTOR)} salts`);
    },
  },
  'rotate-keys': {
    summary: 'one issuer key rotation step: publish the next key, or activate it and retire the old one',
    async run(ctx) {
      const r = await rotateIssuerKeysLogged(ops(ctx), CLI_ACTOR);
      if (r.created) ctx.out(`published next key ${r.created}`);
      else if (r.waitingUntil) ctx.out(`next key becomes usable at ${r.waitingUntil}`);
      else ctx.out(`activated next key; retired ${r.retired ?? 'none'}`);
    },
  },
  'verify-log': verifyLogCommand,
  analyse: analyseCommand,
  seed: seedScaleCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

// operator actions go on the public log like an admin's, under the name `cli`
const ops = (ctx: CliContext) => ({
  db: ctx.db,
  config: ctx.config,
  secrets: ctx.secrets,
  now: ctx.clock.now(),
});
