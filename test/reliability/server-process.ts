import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A port free right now on loopback (the server takes it a moment later; PORT=0 is not accepted). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The exit code (null when killed by a signal) and signal, once the process has gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the server wrote to stderr, for a failure message. */
  stderrTail(): string;
}

/**
 * Starts `node --import tsx src/node.ts` (or `entry`; a built .mjs bundle runs on plain node) with only `env` (plus PATH)
 * and resolves once it prints its "is serving <url>" line: readiness is what the server says, never a timer.
 * @example const server = await startServer({ DATABASE_URL: `file:${file}`, PORT: String(port) })
 */
export async function startServer(
  env: Record<string, string>,
  opts: { entry?: string; stdio?: 'pipe' | 'ignore-stderr' } = {},
): Promise<ServerProcess> {
  const entry = opts.entry ?? 'src/node.ts';
  // a built bundle (dist/node.mjs) runs on plain node, as `npm start` runs it
  const args = entry.endsWith('.mjs') ? [entry] : ['--import', 'tsx', entry];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', opts.stdio === 'ignore-stderr' ? 'ignore' : 'pipe'],
  });
  let out = '';
  let err = '';
  // the server logs every request on stderr: keep reading (a full pipe would stall it), keep only a tail
  child.stderr?.on('data', (d) => {
    err = (err + d).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /is serving (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    exited.then(({ code, signal }) =>
      reject(new Error(`server exited before serving (code ${code}, signal ${signal}): ${err}`)),
    );
  });
  // stdout after readiness is not needed, but must not fill its pipe either
  child.stdout?.resume();
  return { child, url, exited, stderrTail: () => err };
}

/** SIGKILL: no handler runs, nothing is flushed by the process itself. Resolves once it is gone. */
export async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}
