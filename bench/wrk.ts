import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./wrk-scenario.lua', import.meta.url));

export interface WrkResult {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** socket errors, timeouts and answers ≥ 400 */
  errors: number;
  requests: number;
  /** a token scenario ran out of tokens before the time was up: its rate is then a lower bound */
  exhausted: boolean;
}

/** wrk's version line, or a message saying how to install it (the benchmark's only non-npm tool). */
export function wrkVersion(): string {
  const r = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (r.error) throw new Error('wrk is not installed: apt-get install -y wrk (Debian), brew install wrk');
  return /wrk \S+/.exec(`${r.stdout}${r.stderr}`)?.[0] ?? 'wrk';
}

/**
 * Drives `url` with wrk (C, its own threads: a load generator that costs the server little) and returns
 * requests/s and latency percentiles in ms. `mode` and `file` select what wrk-scenario.lua sends.
 * @example await runWrk('http://127.0.0.1:8787/', { seconds: 5, connections: 50 })
 */
export async function runWrk(
  url: string,
  opts: {
    seconds: number;
    connections: number;
    threads?: number;
    mode?: 'static' | 'paths' | 'tokens';
    file?: string;
  },
): Promise<WrkResult> {
  const threads = Math.min(opts.threads ?? 2, opts.connections);
  const args = [
    '-t',
    String(threads),
    '-c',
    String(opts.connections),
    '-d',
    `${opts.seconds}s`,
    '--timeout',
    '10s',
  ];
  args.push('-s', SCRIPT, url, '--', opts.mode ?? 'static', opts.file ?? '', String(threads));
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
    });
    child.stderr.on('data', (d) => {
      text += d;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text}`)),
    );
  });
  const line = /WRK_JSON (\{.*\})/.exec(out)?.[1];
  if (!line) throw new Error(`no result from wrk: ${out}`);
  const r = JSON.parse(line) as Record<string, number | boolean>;
  const n = (k: string) => r[k] as number;
  return {
    rps: n('requests') / (n('durationUs') / 1e6),
    p50: n('p50Us') / 1000,
    p90: n('p90Us') / 1000,
    p99: n('p99Us') / 1000,
    max: n('maxUs') / 1000,
    errors: n('connect') + n('read') + n('write') + n('status') + n('timeout'),
    requests: n('requests'),
    exhausted: r.exhausted === true,
  };
}
