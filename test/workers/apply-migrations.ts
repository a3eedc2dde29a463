import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// what `wrangler d1 migrations apply` does before a deploy; safe to repeat per test file
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
