import { parseArgs } from 'node:util';
import { seedDemo } from '../../db/seed/seed.js';
import { rotateSalts } from '../features/ratelimit/salts.service.js';
import { createCodes, revokeBatch, revokeCode, rotateIssuerKeys } from '../features/tokens/index.js';
import { toBase64Url } from '../platform/crypto/encoding.js';
import { randomBytes } from '../platform/crypto/hash.js';
import type { CliContext } from './context.js';

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
      const seeded = await seedDemo(ctx.db, ctx.clock.now());
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
      const { batchId, codes } = await createCodes(ctx.db, ctx.secrets, {
        count,
        validDays,
        label: o.label,
        createdBy: 'cli',
        now: ctx.clock.now(),
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
        ? Number(await revokeCode(ctx.db, ctx.secrets, o.code, ctx.clock.now()))
        : await revokeBatch(ctx.db, positiveInt(o.batch, 'batch'), ctx.clock.now());
      ctx.out(String(n));
    },
  },
  'rotate-salts': {
    summary: 'destroy all rate-limit salts and counters now, and budget salts of past periods',
    async run(ctx) {
      ctx.out(`destroyed ${await rotateSalts(ctx.db, ctx.config, ctx.clock.now(), { now: true })} salts`);
    },
  },
  'rotate-keys': {
    summary: 'one issuer key rotation step: publish the next key, or activate it and retire the old one',
    async run(ctx) {
      const r = await rotateIssuerKeys(
        ctx.db,
        ctx.secrets,
        ctx.clock.now(),
        ctx.config.ISSUER_KEY_GRACE_DAYS,
      );
      if (r.created) ctx.out(`published next key ${r.created}`);
      else if ('waitingUntil' in r && r.waitingUntil)
        ctx.out(`next key becomes usable at ${new Date(r.waitingUntil).toISOString()}`);
      else ctx.out(`activated next key; retired ${r.retired ?? 'none'}`);
    },
  },
};
