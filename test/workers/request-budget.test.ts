import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import { drizzle } from 'drizzle-orm/d1';
import { expect, it } from 'vitest';
import * as schema from '../../db/schema/index.js';
import { createCodes } from '../../src/features/tokens/index.js';
import { deriveSecrets } from '../../src/platform/crypto/secrets.js';
import type { Db } from '../../src/platform/db/db.js';
import worker from '../../src/worker.js';
import { fetchTokens } from '../helpers/wallet.js';

const ORIGIN = 'http://zhitong.test';
// Workers' subrequest limit per invocation on the free plan (D1 queries count against it): the
// smallest budget a deployment can have, so every main route must stay well inside it
const FREE_PLAN_SUBREQUESTS = 50;

/** D1 with a meter: statements run and round trips to the database (a batch is one trip). */
function metered(db: D1Database) {
  const count = { statements: 0, trips: 0 };
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (s: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(s, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== 'function') return value;
        if (key === 'bind') return (...args: unknown[]) => wrap(value.apply(target, args));
        if (key === 'first' || key === 'all' || key === 'run' || key === 'raw')
          return (...args: unknown[]) => {
            count.statements++;
            count.trips++;
            return value.apply(target, args);
          };
        return value.bind(target);
      },
    });
    originals.set(proxy, s);
    return proxy;
  };
  const d1 = new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key === 'prepare') return (query: string) => wrap(target.prepare(query));
      if (key === 'batch')
        return (statements: D1PreparedStatement[]) => {
          count.statements += statements.length;
          count.trips++;
          return target.batch(statements.map((s) => originals.get(s) ?? s));
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { d1, count };
}

it('measures D1 statements and round trips per request of the main routes', async () => {
  const { d1, count } = metered(env.DB as unknown as D1Database);
  const bindings = { ...env, DB: d1, SEED_DEMO: '1' };
  const send = (path: string, init?: RequestInit) =>
    worker.fetch(new Request(`${ORIGIN}${path}`, init), bindings, createExecutionContext());
  // the isolate's first request boots (issuer key, demo bureau); it is not what a request costs
  expect((await send('/healthz')).status).toBe(200);
  const db = drizzle(env.DB, { schema, casing: 'snake_case' }) as unknown as Db;
  const { codes } = await createCodes(db, deriveSecrets(env.SECRET_KEY), {
    count: 1,
    createdBy: 'test',
    now: Date.now(),
    validDays: 30,
  });
  const [token1, token2] = await fetchTokens(send, codes[0]!, 2, { batch: true });

  const measured: Record<string, { status: number; statements: number; trips: number }> = {};
  async function measure(name: string, path: string, init?: RequestInit) {
    count.statements = 0;
    count.trips = 0;
    const res = await send(path, init);
    await res.clone().arrayBuffer();
    measured[name] = { status: res.status, ...count };
    return res;
  }
  const create = (auth: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify({ title: '宿舍热水不够用', body: '晚上十点以后就没有热水了', categoryId: 1 }),
  });
  await send('/api/v1/appeals', create(token1!));
  const created = await measure('create appeal', '/api/v1/appeals', create(token2!));
  const { id } = (await created.json().catch(() => ({}))) as { id?: number };
  await measure('list (20, JSON)', '/api/v1/appeals?limit=20');
  await measure('search', `/api/v1/appeals?q=${encodeURIComponent('热水')}&limit=20`);
  await measure('detail (JSON)', '/api/v1/appeals/1');
  await measure('detail page (HTML)', '/appeals/1');
  await measure('issuer directory', '/.well-known/private-token-issuer-directory');

  console.log(
    `D1 per request in workerd:\n${Object.entries(measured)
      .map(([k, v]) => `  ${k.padEnd(20)} ${v.status}  ${v.statements} statements, ${v.trips} round trips`)
      .join('\n')}`,
  );
  expect(measured['create appeal']?.status, JSON.stringify(measured)).toBe(201);
  expect(id ?? 0).toBeGreaterThan(0);
  for (const [name, m] of Object.entries(measured)) {
    expect(m.status, name).toBeLessThan(300);
    expect(m.trips, `${name}: round trips`).toBeLessThanOrEqual(FREE_PLAN_SUBREQUESTS / 2);
  }
}, 180_000);
