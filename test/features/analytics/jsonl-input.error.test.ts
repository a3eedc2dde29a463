import { describe, expect, it } from 'vitest';
import { analyseJsonLines, formatAlert } from '../../../src/features/analytics/jsonl-input.js';
import type { StreamAlert } from '../../../src/features/analytics/stream-analyser.js';

async function run(lines: string[]) {
  const alerts: StreamAlert[] = [];
  const bad: [number, string][] = [];
  const summary = await analyseJsonLines(
    lines,
    (a) => alerts.push(a),
    (n, reason) => bad.push([n, reason]),
  );
  return { alerts, bad, summary };
}

const line = (id: unknown, time: string, text = '班车发车太早') => JSON.stringify({ id, time, text });

describe('analyse --input: bad lines', () => {
  it('reports each bad line by number and reason and goes on with the rest', async () => {
    const { bad, summary } = await run([
      line('a', '2025-03-01T08:00:00+08:00'),
      '{not json',
      line('b', 'last Tuesday'),
      JSON.stringify({ id: 'c', time: '2025-03-01' }),
      '',
      line(null, '2025-03-01'),
      line('d', '2025-03-02T01:00:00Z'),
    ]);
    expect(bad.map(([n]) => n)).toEqual([2, 3, 4, 6]);
    expect(bad[0]![1]).toBe('not valid JSON');
    expect(bad[1]![1]).toMatch(/^time: must be ISO 8601/);
    expect(bad[2]![1]).toMatch(/^text:/);
    expect(bad[3]![1]).toMatch(/^id:/);
    expect(summary).toMatchObject({ items: 2, badLines: 4 });
  });

  it('rejects an item older than a day already tested, asking for sorted input', async () => {
    const { bad, summary } = await run([
      line(1, '2025-03-05T10:00:00+08:00'),
      line(2, '2025-03-01T10:00:00+08:00'),
    ]);
    expect(bad).toEqual([[2, 'time is earlier than a day already analysed: sort the input by time']]);
    expect(summary.items).toBe(1);
  });

  it('prints alerts as one JSON object a line with dates in the bureau time zone', () => {
    const printed = JSON.parse(
      formatAlert({
        kind: 'topic',
        topic: ['班车', '早'],
        start: 20_148,
        end: 20_149,
        detected: 20_148,
        items: [1],
      }),
    );
    expect(printed).toEqual({
      topic: ['班车', '早'],
      start: '2025-03-01',
      end: '2025-03-02',
      detected: '2025-03-01',
      kind: 'topic',
      items: [1],
    });
  });
});
