import { Agent, request } from 'node:http';
import type { MintedToken } from './minted-tokens.js';

export interface NewAppealBody {
  title: string;
  body: string;
  categoryId: number;
}

/**
 * What became of one create: `created` (201 read by the client, with the id), `refused` (any other
 * answer, with its error code) or `unknown` (the connection failed: the server may or may not have
 * committed it).
 */
export interface Outcome {
  kind: 'created' | 'refused' | 'unknown';
  token: MintedToken;
  appeal: NewAppealBody;
  id?: number;
  status?: number;
  code?: string;
}

/** POST JSON over node:http on `agent`; rejects only when the connection fails. */
function postJson(agent: Agent, url: URL, body: unknown, headers: Record<string, string>) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Sends appeal creates, `inFlight` at a time, one token each, until the tokens run out or the server is
 * gone (the first failed connection stops new sends; those already on the wire finish as `unknown`).
 * A fresh keep-alive agent per call, so no socket of an earlier, killed server is reused.
 */
export async function sendCreates(
  baseUrl: string,
  opts: {
    tokens: MintedToken[];
    appeal: (i: number) => NewAppealBody;
    inFlight: number;
    onAcknowledged?: (count: number) => void;
  },
): Promise<Outcome[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.inFlight });
  const url = new URL('/api/v1/appeals', baseUrl);
  const outcomes: Outcome[] = [];
  let taken = 0;
  let acknowledged = 0;
  let gone = false;
  async function lane() {
    while (!gone && taken < opts.tokens.length) {
      const i = taken++;
      const token = opts.tokens[i]!;
      const appeal = opts.appeal(i);
      try {
        const res = await postJson(agent, url, appeal, { authorization: token.authorization });
        if (res.status === 201) {
          const id = (JSON.parse(res.text) as { id: number }).id;
          outcomes.push({ kind: 'created', token, appeal, id, status: 201 });
          opts.onAcknowledged?.(++acknowledged);
        } else {
          const code = (JSON.parse(res.text) as { error?: { code?: string } }).error?.code;
          outcomes.push({ kind: 'refused', token, appeal, status: res.status, code });
        }
      } catch {
        gone = true;
        outcomes.push({ kind: 'unknown', token, appeal });
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: opts.inFlight }, lane));
  } finally {
    agent.destroy();
  }
  return outcomes;
}
