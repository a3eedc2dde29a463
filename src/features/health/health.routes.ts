import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { appliedMigrations } from '../../platform/db/db.js';
import type { AppEnv } from '../../platform/http/env.js';

/** Liveness and database reachability, for load balancers and `fresh-clone-check`. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  try {
    await c.var.db.run(sql`SELECT 1`);
    return c.json({ status: 'ok', database: 'ok', migrations: await appliedMigrations(c.var.db) });
  } catch {
    return c.json({ status: 'degraded', database: 'unreachable', migrations: null }, 503);
  }
});
