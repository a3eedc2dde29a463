/**
 * `npm run soak [-- --scale 10000 --seconds 60 --connections 200 --writes 0.05]`: the Node server on a
 * seeded database, driven from this (second) process over loopback by `connections` keep-alive clients
 * sending mixed reads and appeal creates (each paid with a minted token). Samples the server's RSS every
 * second and prints errors (must be 0), p50/p99 per kind and the memory trend (least-squares slope).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from '../scripts/build-server.js';
import { CONCERNS, phrase, seededRandom } from '../src/features/analytics/eval/synthetic-posts.js';
import { parseConfig } from '../src/platform/config/config.js';
import { deriveSecrets } from '../src/platform/crypto/secrets.js';
import { openLibsql } from '../src/platform/db/libsql.js';
import { mintTokens } from '../test/reliability/minted-tokens.js';
import { freePort, startServer } from '../test/reliability/server-process.js';
import { databaseShape, seededCopy } from './bench-data.js';

const { values: o } = parseArgs({
  options: {
    scale: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    writes: { type: 'string', default: '0.05' },
  },
});
const seconds = Number(o.seconds);
const connections = Number(o.connections);
const writeShare = Number(o.writes);

const dir = mkdtempSync(join(tmpdir(), 'zhitong-soak-'));
const { file, secretKey } = await seededCopy(Number(o.scale), dir, false);
const { appealIds, categoryIds } = await databaseShape(file, secretKey);
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const env = {
  DATABASE_URL: `file:${file}`,
  SECRET_KEY: secretKey,
  PORT: String(port),
  PUBLIC_ORIGIN: origin,
  // as in the benchmark: the daily analysis (tens of seconds of CPU on a large database) runs apart
  EARLY_WARNING_IN_SERVER: 'off',
};

// creates run well below 1,000/s under this much read load; a run that exhausts them says so
const tokenCount = Math.ceil(seconds * 400 * writeShare * 4);
process.stderr.write(`minting ${tokenCount} tokens…\n`);
const minting = await openLibsql(parseConfig(env));
const tokens = await mintTokens(minting.db, deriveSecrets(secretKey), origin, tokenCount).finally(
  minting.close,
);

const server = await startServer(env, { stdio: 'ignore-stderr', entry: await buildServer() });
process.on('exit', () => {
  server.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
const pid = server.child.pid!;
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

const random = seededRandom(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
const queries = ['班车', '夜班补贴', '公积金', '热水', '食堂', '通勤车 拥挤'];
const READS: Record<string, () => string> = {
  list: () => `/api/v1/appeals?categoryId=${pick(categoryIds)}&limit=20`,
  detail: () => `/api/v1/appeals/${pick(appealIds)}`,
  page: () => `/appeals/${pick(appealIds)}`,
  search: () => `/api/v1/appeals?q=${encodeURIComponent(pick(queries))}&limit=20`,
  forum: () => '/api/v1/forum/threads?limit=20',
};

const agent = new Agent({ keepAlive: true, maxSockets: connections });
function send(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const latencies = new Map<string, number[]>();
const failures = new Map<string, number>();
let nextToken = 0;
let outOfTokens = false;
const deadline = performance.now() + seconds * 1000;

async function client() {
  while (performance.now() < deadline) {
    const wantsWrite = random() < writeShare;
    const write = wantsWrite && nextToken < tokens.length;
    if (wantsWrite && !write) outOfTokens = true;
    const kind = write ? 'create' : pick(Object.keys(READS));
    const started = performance.now();
    let status: number | string;
    try {
      if (write) {
        const concern = pick(CONCERNS);
        const body = JSON.stringify({
          title: phrase(concern, random).slice(0, 60),
          body: phrase(concern, random),
          categoryId: pick(categoryIds),
        });
        status = await send('POST', '/api/v1/appeals', body, {
          'content-type': 'application/json',
          authorization: tokens[nextToken++]!.authorization,
        });
      } else status = await send('GET', READS[kind]!());
    } catch (e) {
      status = (e as NodeJS.ErrnoException).code ?? 'socket error';
    }
    const ok = kind === 'create' ? status === 201 : status === 200;
    if (!ok) failures.set(`${kind} ${status}`, (failures.get(`${kind} ${status}`) ?? 0) + 1);
    else (latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(performance.now() - started);
  }
}

const samples: [number, number][] = [];
const t0 = performance.now();
const sampler = setInterval(() => samples.push([(performance.now() - t0) / 1000, rssMb()]), 1000);
process.stderr.write(`soak: ${connections} connections for ${seconds} s, ${writeShare * 100}% creates…\n`);
await Promise.all(Array.from({ length: connections }, client));
clearInterval(sampler);

/** Least-squares slope of y over x. */
function slope(points: [number, number][]) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const all = [...latencies.values()].flat().sort((a, b) => a - b);
const errors = [...failures.values()].reduce((s, n) => s + n, 0);
const line = (name: string, xs: number[]) =>
  `${name.padEnd(8)} ${String(xs.length).padStart(8)} req  ${(xs.length / seconds).toFixed(0).padStart(6)}/s  p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms  p99 ${pct(xs, 99).toFixed(1).padStart(7)} ms`;

console.log(`soak: ${seconds} s, ${connections} connections, scale ${o.scale}, node ${process.version}`);
for (const [kind, xs] of [...latencies].sort())
  console.log(
    line(
      kind,
      xs.sort((a, b) => a - b),
    ),
  );
console.log(line('all', all));
console.log(
  `errors: ${errors}${errors ? ` (${[...failures].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`,
);
if (outOfTokens) console.log(`note: the ${tokens.length} tokens ran out; later writes were reads`);
const rss = samples.map((s) => s[1]);
const half = samples.slice(Math.floor(samples.length / 2));
console.log(
  `server RSS: start ${rss[0]?.toFixed(0)} MB, end ${rss.at(-1)?.toFixed(0)} MB, peak ${Math.max(...rss).toFixed(0)} MB; ` +
    `trend ${(slope(samples) * 60).toFixed(1)} MB/min over the run, ${(slope(half) * 60).toFixed(1)} MB/min over the second half`,
);
agent.destroy();
// the server's pipes would keep this process alive: stop it as an operator would
server.child.kill('SIGTERM');
await server.exited;
process.exit(errors === 0 ? 0 : 1);
