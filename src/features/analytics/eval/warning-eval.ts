import { analyseJsonLines } from '../jsonl-input.js';
import type { StreamAlert, StreamOptions } from '../stream-analyser.js';
import type { InjectedBurst, LabelledPost } from './warning-stream.js';

export interface WarningScore {
  alerts: number;
  truePositives: number;
  precision: number;
  /** Share of injected bursts some alert of any kind explains. */
  recall: number;
  /** The same, counting only topic alerts (the ones that name the concern). */
  topicRecall: number;
  /** Median of (day first raised − burst start day) over detected bursts. */
  medianDelayDays: number | null;
  byKind: Record<string, { alerts: number; truePositives: number }>;
  missed: InjectedBurst[];
  falseAlerts: StreamAlert[];
}

// an alert is explained by a burst when at least this share of its items are the burst concern's
// posts during the burst: a category alert carries the rest of its category too
const EXPLAINED_SHARE = 1 / 3;

/**
 * Scores alerts against the injected truth. An alert is a true positive when it overlaps a burst in time
 * (up to a day after its end, the nightly job's lag) and the burst explains enough of its items; a burst is
 * detected when a true-positive alert was first raised no later than the day after the burst ended.
 */
export function scoreAlerts(
  alerts: readonly StreamAlert[],
  bursts: readonly InjectedBurst[],
  posts: readonly LabelledPost[],
): WarningScore {
  const concernOf = new Map(posts.map((p) => [p.id, p]));
  const delays = new Map<number, number>();
  const topicDetected = new Set<number>();
  const byKind: WarningScore['byKind'] = {};
  const falseAlerts: StreamAlert[] = [];
  for (const a of alerts) {
    const kind = byKind[a.kind] ?? { alerts: 0, truePositives: 0 };
    byKind[a.kind] = kind;
    kind.alerts++;
    const match = bursts.find((b) => {
      if (a.start > b.end + 1 || a.end < b.start) return false;
      const inBurst = a.items.filter((id) => {
        const p = concernOf.get(Number(id));
        return p?.concern === b.concern && p.day >= b.start && p.day <= b.end;
      }).length;
      return inBurst >= EXPLAINED_SHARE * a.items.length;
    });
    if (!match) {
      falseAlerts.push(a);
      continue;
    }
    kind.truePositives++;
    if (a.detected > match.end + 1) continue;
    const delay = a.detected - match.start;
    delays.set(match.id, Math.min(delays.get(match.id) ?? delay, delay));
    if (a.kind === 'topic') topicDetected.add(match.id);
  }
  const tp = alerts.length - falseAlerts.length;
  const sorted = [...delays.values()].sort((x, y) => x - y);
  return {
    alerts: alerts.length,
    truePositives: tp,
    precision: alerts.length === 0 ? 1 : tp / alerts.length,
    recall: bursts.length === 0 ? 1 : delays.size / bursts.length,
    topicRecall: bursts.length === 0 ? 1 : topicDetected.size / bursts.length,
    medianDelayDays: sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!,
    byKind,
    missed: bursts.filter((b) => !delays.has(b.id)),
    falseAlerts,
  };
}

/** Runs posts through the very path of `analyse --input` (JSON lines in, alerts out) and times it. */
export async function runOnPosts(posts: readonly LabelledPost[], opts: Omit<StreamOptions, 'onAlert'> = {}) {
  const alerts: StreamAlert[] = [];
  const badLines: string[] = [];
  function* lines() {
    for (const p of posts) {
      const time = new Date(p.time).toISOString();
      yield JSON.stringify({ id: p.id, time, text: p.text, category: p.category, department: p.department });
    }
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const summary = await analyseJsonLines(
    lines(),
    (a) => alerts.push(a),
    (n, reason) => badLines.push(`${n}: ${reason}`),
    opts,
  );
  const cpu = process.cpuUsage(cpu0);
  return { alerts, badLines, summary, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}
