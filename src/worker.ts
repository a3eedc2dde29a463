import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import { createClient } from '@libsql/client/web';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import * as schema from '../db/schema/index.js';
import { type App, createApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import type { ClientBundle } from './features/web/client-bundle.js';
import { type AssetsFetcher, loadClientBundleFromAssets } from './features/web/client-bundle.workers.js';
import { systemClock } from './platform/clock.js';
import { type Config, ConfigError, parseConfig } from './platform/config/config.js';
import { workersBlindSigner } from './platform/crypto/blind-signer.workers.js';
import { deriveSecrets, type Secrets } from './platform/crypto/secrets.js';
import { d1Database } from './platform/db/d1.js';
import type { Db } from './platform/db/db.js';
import { jsonLogger } from './platform/log.js';
import { runScheduledJobs } from './scheduled.js';

/**
 * What wrangler binds: the D1 database `DB`, the browser bundle `ASSETS`, the [vars] of wrangler.toml and the
 * secrets (SECRET_KEY, DATABASE_AUTH_TOKEN); every string binding is read as a setting of parseConfig. Read
 * here and nowhere else.
 */
export interface Bindings {
  DB?: D1Database;
  /** dist/client, written by `npm run build:client` ([assets] of wrangler.toml). */
  ASSETS?: AssetsFetcher;
  /** A libsql:// or https:// URL to use libSQL/Turso over HTTP instead of D1. */
  DATABASE_URL?: string;
  /** "1" seeds the demo bureau on an empty database at the first request of an isolate. */
  SEED_DEMO?: string;
}

interface Runtime {
  app: App;
  db: Db;
  config: Config;
  secrets: Secrets;
}

// settings whose value must never reach a log line, even when it is invalid
const SECRET_SETTINGS = ['SECRET_KEY', 'DATABASE_AUTH_TOKEN'];

const log = jsonLogger((line) => console.log(line));

/** Parses the string bindings once; the Workers-only requirements come on top of parseConfig. */
function workerConfig(env: Bindings): Config {
  const strings = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  let config: Config;
  try {
    config = parseConfig(strings);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const key = /^invalid setting (\w+)/.exec(e.message)?.[1];
    if (key && SECRET_SETTINGS.includes(key))
      throw new ConfigError(e.message.replace(`=${JSON.stringify(strings[key] ?? '')}`, '=<redacted>'));
    throw e;
  }
  if (!config.SECRET_KEY)
    throw new ConfigError(
      'missing setting SECRET_KEY: set it with `wrangler secret put SECRET_KEY` (locally in .dev.vars)',
    );
  if (!strings.PUBLIC_ORIGIN)
    throw new ConfigError('missing setting PUBLIC_ORIGIN: the https:// origin this worker is served from');
  if (strings.DATABASE_URL && !/^(libsql|https):\/\//.test(strings.DATABASE_URL))
    throw new ConfigError(
      'invalid setting DATABASE_URL: on Workers a libsql:// or https:// URL, or unset to use the D1 binding DB',
    );
  if (!strings.DATABASE_URL && !env.DB)
    throw new ConfigError(
      'missing binding DB: a D1 database (wrangler.toml [[d1_databases]]) or DATABASE_URL',
    );
  return config;
}

/** D1 by default; libSQL/Turso over HTTP when DATABASE_URL is set (migrated beforehand with the CLI). */
function openDatabase(env: Bindings, config: Config): Db {
  if (env.DATABASE_URL) {
    const client = createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN });
    return drizzleLibsql(client, { schema, casing: 'snake_case' });
  }
  // drizzle's D1 and libSQL databases share the query builder and batch() the features use (see db.ts)
  return d1Database(env.DB!);
}

/** The wallet and posting bundle; without it pages still read, and posting says it cannot (as on Node). */
async function clientBundleOf(env: Bindings): Promise<ClientBundle | undefined> {
  const bundle = env.ASSETS ? await loadClientBundleFromAssets(env.ASSETS) : undefined;
  if (!bundle) log.error({ msg: 'no client bundle: run `npm run build:client` before deploying' });
  return bundle;
}

async function start(env: Bindings): Promise<Runtime> {
  const config = workerConfig(env);
  const secrets = deriveSecrets(config.SECRET_KEY!);
  const db = openDatabase(env, config);
  const [clientBundle, seeded] = await Promise.all([
    clientBundleOf(env),
    prepareDatabase(db, secrets, systemClock.now(), { seed: env.SEED_DEMO === '1' }),
  ]);
  for (const a of seeded?.accounts ?? []) {
    // the operator's only way to learn the first password, as on Node; it must be changed at first sign-in
    log.info({ msg: 'demo bureau seeded', username: a.username, oneTimePassword: a.oneTimePassword });
  }
  const app = createApp({
    db,
    clock: systemClock,
    config,
    secrets,
    signer: workersBlindSigner(),
    log,
    clientAddress: (c) => c.req.header('cf-connecting-ip'),
    clientBundle: () => clientBundle,
  });
  return { app, db, config, secrets };
}

// one runtime per isolate: Workers give bindings only to handlers, so it is built at the first event and
// kept; a failed start is forgotten so that the next event retries
let runtime: Promise<Runtime> | undefined;
function boot(env: Bindings): Promise<Runtime> {
  runtime ??= start(env).catch((e: unknown) => {
    runtime = undefined;
    throw e;
  });
  return runtime;
}

/** Logs why the runtime could not start: a config error in full (secrets redacted), others by name. */
function logStartupFailure(e: unknown) {
  if (e instanceof ConfigError) log.error({ msg: 'zhitong is misconfigured', error: e.message });
  else
    log.error({ msg: 'startup failed', error: (e as Error).name, stack: (e as Error).stack?.split('\n')[1] });
}

function startupFailure(e: unknown): Response {
  logStartupFailure(e);
  const misconfigured = e instanceof ConfigError;
  const message = misconfigured
    ? `Zhitong is misconfigured: ${e.message.split(/[=:]/)[0]} (details in the worker log)`
    : 'Zhitong could not start (details in the worker log)';
  return Response.json(
    { error: { code: misconfigured ? 'MISCONFIGURED' : 'INTERNAL', message } },
    { status: 500, headers: { 'Cache-Control': 'no-store' } },
  );
}

export default {
  async fetch(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
    let app: App;
    try {
      ({ app } = await boot(env));
    } catch (e) {
      return startupFailure(e);
    }
    // no bindings for the app: everything it needs came through createApp
    return app.fetch(request, {}, ctx);
  },

  /** Hourly cron (wrangler.toml [triggers]): destroys rate-limit and budget salts past their window. */
  async scheduled(_controller: ScheduledController, env: Bindings, _ctx: ExecutionContext): Promise<void> {
    const { db, config, secrets } = await boot(env).catch((e: unknown) => {
      logStartupFailure(e);
      throw e;
    });
    await runScheduledJobs({ db, config, secrets, clock: systemClock, log });
    log.info({ msg: 'scheduled jobs ran' });
  },
};
