import { describe, expect, it } from 'vitest';
import { runOnPosts, scoreAlerts } from '../../../src/features/analytics/eval/warning-eval.js';
import { warningStream } from '../../../src/features/analytics/eval/warning-stream.js';
import type { StreamAlert } from '../../../src/features/analytics/stream-analyser.js';

// a quarter of a smaller bureau: big enough for bursts to stand out, small enough to run in seconds
const stream = warningStream({ seed: 11, days: 100, perDay: 150, bursts: 4 });
const run = await runOnPosts(stream.posts);

describe('eval:warning on a small seeded stream', () => {
  it('is deterministic: the same seed gives the same posts and bursts', () => {
    const again = warningStream({ seed: 11, days: 100, perDay: 150, bursts: 4 });
    expect(again.posts.length).toBe(stream.posts.length);
    expect(again.posts[500]).toEqual(stream.posts[500]);
    expect(again.bursts).toEqual(stream.bursts);
  });

  it('plants bursts of at least 3× baseline for 2–5 days after a six-week baseline', () => {
    expect(stream.bursts.length).toBe(4);
    for (const b of stream.bursts) {
      expect(b.multiplier).toBeGreaterThanOrEqual(3);
      expect(b.end - b.start + 1).toBeGreaterThanOrEqual(2);
      expect(b.start - stream.firstDay).toBeGreaterThanOrEqual(42);
      expect(b.injected, b.concern).toBeGreaterThan(0);
    }
  });

  it('finds the injected bursts with few false alerts, on the day they start or the next', () => {
    const score = scoreAlerts(run.alerts, stream.bursts, stream.posts);
    expect(run.badLines).toEqual([]);
    expect(score.recall, JSON.stringify(score.missed)).toBeGreaterThanOrEqual(0.75);
    expect(score.precision).toBeGreaterThanOrEqual(0.75);
    expect(score.medianDelayDays).not.toBeNull();
    expect(score.medianDelayDays!).toBeLessThanOrEqual(1);
  });

  it('raises no alert on fewer than 5 items', () => {
    expect(run.alerts.length).toBeGreaterThan(0);
    for (const a of run.alerts) expect(a.items.length, a.topic.join('·')).toBeGreaterThanOrEqual(5);
  });
});

describe('the scoring can fail', () => {
  it('gives a detector that never alerts recall 0 and no delay', () => {
    const score = scoreAlerts([], stream.bursts, stream.posts);
    expect(score.recall).toBe(0);
    expect(score.medianDelayDays).toBeNull();
    expect(score.missed.length).toBe(stream.bursts.length);
  });

  it('counts alerts on quiet weeks, or raised after the burst is over, as misses and false alerts', () => {
    const b = stream.bursts[0]!;
    const quiet = stream.posts.filter((p) => p.day === b.start - 10).slice(0, 20);
    const late = stream.posts.filter((p) => p.concern === b.concern && p.day >= b.start && p.day <= b.end);
    const alerts: StreamAlert[] = [
      alert(
        b.start - 10,
        quiet.map((p) => p.id),
      ),
      {
        ...alert(
          b.start,
          late.map((p) => p.id),
        ),
        detected: b.end + 5,
      },
    ];
    const score = scoreAlerts(alerts, stream.bursts, stream.posts);
    expect(score.precision).toBe(0.5);
    expect(score.recall).toBe(0);
  });

  it('does not credit an alert whose items are mostly not the burst concern', () => {
    const b = stream.bursts[0]!;
    const others = stream.posts.filter((p) => p.concern !== b.concern && p.day === b.start).slice(0, 30);
    const score = scoreAlerts(
      [
        alert(
          b.start,
          others.map((p) => p.id),
        ),
      ],
      stream.bursts,
      stream.posts,
    );
    expect(score.truePositives).toBe(0);
  });
});

function alert(day: number, items: number[]): StreamAlert {
  return { kind: 'topic', topic: ['x'], start: day, end: day, detected: day, items };
}
