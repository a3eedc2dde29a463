import { z } from 'zod';

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const csv = (def: string) =>
  z
    .string()
    .default(def)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );

/** Every setting Zhitong reads, with its default. Parsed once at each entry (node.ts, worker.ts, cli.ts). */
export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|:memory:)/, 'a file:, libsql://, http(s):// URL or :memory:')
    .default('file:data/zhitong.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  // normal survives a killed process (the OS holds the WAL); full also survives power loss, at a cost per commit
  DATABASE_SYNC: z.enum(['normal', 'full']).default('normal'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(8787, 1).pipe(z.number().max(65535)),
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43,}$/, 'base64url of at least 32 random bytes (npm run cli -- gen-secret)')
    .optional(),
  BODY_LIMIT_BYTES: int(64 * 1024, 1024),
  // Node, embedded file only: memory for rendered public appeal lists and pages (0 turns the cache off)
  RESPONSE_CACHE_MB: int(32, 0),
  // 'off': large installations run `cli analyse --rebuild` from cron in its own process instead
  EARLY_WARNING_IN_SERVER: z.enum(['daily', 'off']).default('daily'),
  TOKEN_BUDGET: int(20, 1),
  TOKEN_BUDGET_PERIOD_DAYS: int(7, 1),
  TOKEN_BATCH_MAX: int(10, 1),
  SALT_EPOCH_HOURS: int(24, 1),
  ISSUER_KEY_GRACE_DAYS: int(7, 1),
  ENROLLMENT_CODE_DAYS: int(365, 1),
  CONTENT_TIME_GRANULARITY: z.enum(['hour', 'day']).default('hour'),
  PUBLISH_DELAY_MAX_MINUTES: int(0),
  // staff sessions end after this much inactivity (at most 60, per OWASP ASVS)
  STAFF_IDLE_MINUTES: int(30, 1).pipe(z.number().max(60)),
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().optional(),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_MAX_AGE_SECONDS: int(600, 1),
  OIDC_ALGORITHMS: csv('RS256,ES256,EdDSA').pipe(
    z.array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'])).min(1),
  ),
  // the company provider staff sign in through (required on Workers); its own audience, so a worker's
  // ID token for token issuance is never a staff credential. Algorithms and maximum age: OIDC_*
  STAFF_OIDC_ISSUER: z.url().optional(),
  STAFF_OIDC_AUDIENCE: z.string().optional(),
  STAFF_OIDC_JWKS_URL: z.url().optional(),
  // staff notification email, Node only; without it email hooks are skipped
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.email().optional(),
});

export type Config = z.output<typeof configSchema> & { PUBLIC_ORIGIN: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses settings from an environment-like record. Throws ConfigError with one line naming the setting.
 * @example parseConfig(process.env)
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? 'config');
    throw new ConfigError(`invalid setting ${key}=${JSON.stringify(clean[key] ?? '')}: ${issue.message}`);
  }
  const c = parsed.data;
  if (c.OIDC_ISSUER && !c.OIDC_AUDIENCE)
    throw new ConfigError('invalid setting OIDC_AUDIENCE: required when OIDC_ISSUER is set');
  if (c.STAFF_OIDC_ISSUER && !c.STAFF_OIDC_AUDIENCE)
    throw new ConfigError('invalid setting STAFF_OIDC_AUDIENCE: required when STAFF_OIDC_ISSUER is set');
  return { ...c, PUBLIC_ORIGIN: c.PUBLIC_ORIGIN ?? `http://${c.HOST}:${c.PORT}` };
}
