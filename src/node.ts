import { type ServerType, serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { bufferViews, flushViews } from './features/appeals/page-views.js';
import { cachePublicReads } from './features/appeals/public-cache.node.js';
import { loadClientBundle } from './features/web/client-build.node.js';
import type { ClientBundle } from './features/web/index.js';
import { MINUTE, systemClock } from './platform/clock.js';
import { type Config, ConfigError, parseConfig } from './platform/config/config.js';
import { resolveSecretKey } from './platform/config/secret-file.js';
import { nodeBlindSigner } from './platform/crypto/blind-signer.node.js';
import { deriveSecrets } from './platform/crypto/secrets.js';
import { watchChanges } from './platform/db/change-watch.node.js';
import { migrateLibsql, openLibsql } from './platform/db/libsql.js';
import { watchVersion } from './platform/db/version-memo.js';
import { batchedLines, jsonLogger } from './platform/log.js';
import { smtpSender } from './platform/mail/smtp-sender.js';
import { runScheduledJobs } from './scheduled.js';

function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`zhitong: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

const config = loadConfig();
let secretKey: ReturnType<typeof resolveSecretKey>;
try {
  secretKey = resolveSecretKey(config);
} catch (e) {
  process.stderr.write(`zhitong: ${(e as Error).message}\n`);
  process.exit(2);
}
const logLines = batchedLines((chunk) => process.stderr.write(chunk));
const log = jsonLogger(logLines.line);
process.on('exit', logLines.flush);
const clock = systemClock;
const secrets = deriveSecrets(secretKey.key);
const { db, close } = await openLibsql(config, { checkpointThread: true });
await migrateLibsql(db);
const seeded = await prepareDatabase(db, secrets, clock.now(), { seed: true, demoContent: true });

// the browser bundle, built from src/client while the server already listens (see client-build.node.ts)
let clientBundle: ClientBundle | undefined;
loadClientBundle()
  .then((b) => {
    clientBundle = b;
  })
  .catch((e) => log.error({ msg: 'client bundle failed', error: (e as Error).name }));

const sendMail = config.SMTP_URL
  ? smtpSender(config.SMTP_URL, config.SMTP_FROM ?? `zhitong@${new URL(config.PUBLIC_ORIGIN).hostname}`)
  : undefined;
const app = createApp({
  db,
  clock,
  config,
  secrets,
  signer: nodeBlindSigner(),
  log,
  clientAddress: (c) => getConnInfo(c).remote.address,
  clientBundle: () => clientBundle,
  sendMail,
});

// salts, deadlines, webhooks and log checkpoints: every 10 minutes, so nothing outlives its window by more
const scheduled = setInterval(
  () => void runScheduledJobs({ db, config, secrets, clock, log, sendMail }),
  10 * MINUTE,
);
scheduled.unref();
// salts, keys and deadlines are current before the first request; the daily analysis waits until serving
await runScheduledJobs({ db, config, secrets, clock, log, sendMail }, 'light');

// departments, categories and (with RESPONSE_CACHE_MB) public answers are kept until the next commit
const watch = watchChanges(config.DATABASE_URL);
if (watch) watchVersion(db, watch.version);
// page views add up in memory and are written every 30 s and on a clean stop (a crash loses at most
// 30 s of counts), as a quiet commit that leaves what is kept per version in place
bufferViews(db);
const flush = () =>
  flushViews(db, watch).catch((e) => log.error({ msg: 'view flush failed', error: e.name }));
const flushing = setInterval(flush, 30_000);
flushing.unref();
const cached =
  watch && config.RESPONSE_CACHE_MB > 0
    ? cachePublicReads(app.fetch, { db, clock, log, watch, maxBytes: config.RESPONSE_CACHE_MB << 20 })
    : undefined;
const handle = cached ?? app.fetch;
// answers served from memory are logged as a count a minute, not a line each
const servedLog = setInterval(() => cached?.logServed(), 60_000);
servedLog.unref();

const server: ServerType = serve({ fetch: handle, hostname: config.HOST, port: config.PORT }, (info) => {
  const url = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
  process.stdout.write(`Zhitong 直通 is serving ${url}\n`);
  process.stdout.write(
    `  database: ${config.DATABASE_URL}${secretKey.createdFile ? ` (new secret key in ${secretKey.createdFile})` : ''}\n`,
  );
  if (seeded) {
    process.stdout.write(
      `  demo bureau seeded. Staff sign in at ${url}/staff/sign-in (or POST /api/v1/staff/session) and change the one-time password first:\n`,
    );
    for (const a of seeded.accounts) {
      process.stdout.write(`    user "${a.username}"  one-time password ${a.oneTimePassword}  (${a.role})\n`);
    }
  }
  process.stdout.write(
    `  workers: open ${url}/ on a phone; enrollment codes: npm run cli -- codes create --count 10\n`,
  );
  process.stdout.write(`  API: ${url}/api/v1/openapi.json   health: ${url}/healthz\n`);
  void runScheduledJobs({ db, config, secrets, clock, log, sendMail }, 'heavy');
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ msg: 'stopping', signal });
  clearInterval(scheduled);
  // stop accepting; in-flight requests finish, then idle keep-alive sockets are closed
  server.close(async () => {
    clearInterval(flushing);
    clearInterval(servedLog);
    cached?.logServed();
    await flush();
    watch?.close();
    close();
    process.exit(0);
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
