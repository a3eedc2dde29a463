import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { batchedLines, jsonLogger } from '../../src/platform/log.js';

describe('batched log lines', () => {
  it('writes the lines of one turn of the event loop together, in order, each ending in a newline', async () => {
    const chunks: string[] = [];
    const out = batchedLines((c) => chunks.push(c));
    const log = jsonLogger(out.line);
    log.info({ msg: 'a' });
    log.error({ msg: 'b' });
    expect(chunks).toEqual([]);
    await nextTurn();
    expect(chunks).toEqual(['{"level":"info","msg":"a"}\n{"level":"error","msg":"b"}\n']);
    log.info({ msg: 'c' });
    await nextTurn();
    expect(chunks).toHaveLength(2);
  });

  it('writes what is waiting at once on flush, and nothing twice', async () => {
    const chunks: string[] = [];
    const out = batchedLines((c) => chunks.push(c));
    out.line('x');
    out.flush();
    expect(chunks).toEqual(['x\n']);
    await nextTurn();
    out.flush();
    expect(chunks).toEqual(['x\n']);
  });
});
