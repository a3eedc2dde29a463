import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The thread's source, evaluated as CommonJS from a string so it loads the same under node, tsx and vitest.
// PASSIVE never waits for the writer or readers: it copies what it can and tries again on the next tick.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    checkpoint.all();
  } catch {
    // busy or closing: the next tick tries again, and the writer's own threshold is the backstop
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});`;

// the writer checkpoints itself only past this many WAL pages (64 MB): the thread fell behind or died
export const WRITER_CHECKPOINT_PAGES = 16384;

/**
 * Copies committed pages from the WAL into the database file on a thread of its own, every `everyMs`.
 * SQLite otherwise does this inside the COMMIT that crosses 1000 WAL pages, with two fsyncs, on the one
 * thread that serves requests. Durability is unchanged: a commit is complete once it is in the WAL.
 * @example const stop = startCheckpointer('/var/lib/zhitong/z.db'); … stop()
 */
export function startCheckpointer(path: string, everyMs = 20): () => void {
  const driver = createRequire(import.meta.url).resolve('libsql');
  const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { path, driver, everyMs } });
  worker.unref();
  // a thread that cannot open the file leaves the writer's own checkpoints in charge
  worker.on('error', () => {});
  return () => worker.postMessage('stop');
}
