import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { analyse } from '../features/analytics/index.js';
import { analyseJsonLines, formatAlert } from '../features/analytics/jsonl-input.js';
import { type Command, UsageError } from './commands.js';
import { openCliContext } from './context.js';

/**
 * `analyse --rebuild`: rebuild topics and alerts from every stored item (progress on stderr, a summary on
 * stdout). `analyse --input FILE|-`: the offline run over an export of JSON lines, no database needed;
 * prints the alerts it would have raised as JSON lines, reports bad lines on stderr and exits 1 if any.
 */
export const analyseCommand: Command = {
  summary: 'early warning: rebuild topics and alerts (--rebuild), or run offline over JSON lines (--input)',
  usage: '--rebuild | --input FILE|-',
  noDatabase: true,
  async run(io, args) {
    let values: { rebuild?: boolean; input?: string };
    try {
      ({ values } = parseArgs({
        args,
        options: { rebuild: { type: 'boolean' }, input: { type: 'string' } },
        strict: true,
      }));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (Boolean(values.rebuild) === (values.input !== undefined)) {
      throw new UsageError('give exactly one of --rebuild or --input FILE');
    }
    if (values.input !== undefined) {
      const input = values.input === '-' ? process.stdin : createReadStream(values.input, 'utf8');
      const lines = createInterface({ input, crlfDelay: Infinity });
      const summary = await analyseJsonLines(
        lines,
        (alert) => io.out(formatAlert(alert)),
        (line, reason) => io.err(`line ${line}: ${reason}`),
      );
      io.err(
        `${summary.items} items, ${summary.topics} topics, ${summary.alerts} alerts, ${summary.badLines} bad lines`,
      );
      if (summary.badLines > 0) process.exitCode = 1;
      return;
    }
    const ctx = await openCliContext(process.env);
    try {
      const result = await analyse(ctx.db, ctx.clock.now(), {
        onProgress: (done, total) => ctx.progress('analysing', done, total),
      });
      ctx.out(
        `${result.items} items (${result.appeals} appeals), ${result.topics} topics, ` +
          `${result.alertsOpened} alerts opened, ${result.alertsUpdated} updated`,
      );
    } finally {
      ctx.close();
    }
  },
};
