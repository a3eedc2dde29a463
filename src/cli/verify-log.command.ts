import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { uncommittedItems } from '../features/audit/index.js';
import { type VerifierState, type VerifyReport, verifyLog } from '../features/audit/verifier/index.js';
import { nodeBlindSigner } from '../platform/crypto/blind-signer.node.js';
import { jsonLogger } from '../platform/log.js';
import { type Command, UsageError } from './commands.js';
import { type CliContext, openCliContext } from './context.js';

type Output = Pick<CliContext, 'out' | 'err'>;

function readState(file: string): VerifierState | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as VerifierState) : null;
}

function writeState(file: string, state: VerifierState) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

function print(out: Output, report: VerifyReport, extra: string[]) {
  out.out(`log ${report.log}: ${report.entries} entries, head ${report.head} at size ${report.size}`);
  out.out(
    `items: ${report.itemsChecked} texts match their commitments, ${report.itemsWithheld} withheld (hidden)`,
  );
  for (const p of report.problems) out.out(`PROBLEM ${p.code}: ${p.message}`);
  for (const line of extra) out.out(`PROBLEM ${line}`);
  out.out(report.ok && extra.length === 0 ? 'OK' : 'FAILED');
}

/**
 * `verify-log --url https://…`: the standalone check a third party runs against a public server (no
 * database, no secrets). Without --url: the operator's check of this database, through the same HTTP API
 * served in-process, plus a search for published texts that have no commitment at all.
 */
export const verifyLogCommand: Command = {
  summary: 'verify the public log: chain, signed checkpoints, forks, published texts vs commitments',
  usage: '[--url URL] [--state FILE]',
  noDatabase: true,
  async run(out, args) {
    let values: { url?: string; state?: string };
    try {
      values = parseArgs({
        args,
        options: { url: { type: 'string' }, state: { type: 'string' } },
        strict: true,
      }).values;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (values.url) {
      const file =
        values.state ?? `.zhitong-verifier/${new URL(values.url).host.replace(/[^\w.-]/g, '_')}.json`;
      const report = await verifyLog({ url: values.url, state: readState(file) });
      writeState(file, report.state);
      print(out, report, []);
      if (!report.ok) throw new Error('the log did not verify');
      return;
    }
    const ctx = await openCliContext(process.env);
    try {
      const app = createApp({
        db: ctx.db,
        clock: ctx.clock,
        config: ctx.config,
        secrets: ctx.secrets,
        signer: nodeBlindSigner(),
        log: jsonLogger(() => {}),
      });
      const file = values.state ?? 'data/log-verifier-state.json';
      const report = await verifyLog({
        url: ctx.config.PUBLIC_ORIGIN,
        fetch: (u, init) => app.request(u, init),
        state: readState(file),
      });
      const missing = (await uncommittedItems(ctx.db, ctx.clock.now())).map(
        (i) => `uncommitted: ${i.type}/${i.id} is published but its text was never committed`,
      );
      writeState(file, report.state);
      print(out, report, missing);
      if (!report.ok || missing.length > 0) throw new Error('the log did not verify');
    } finally {
      ctx.close();
    }
  },
};
