/**
 * The baseline: Hono's hello-world on @hono/node-server, the same stack as Zhitong without a database.
 * Started by run-bench.ts with PORT set; prints the same "is serving <url>" line as src/node.ts.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/', (c) => c.text('Hello Hono!'));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) }, (info) => {
  process.stdout.write(`hello-world is serving http://127.0.0.1:${info.port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
