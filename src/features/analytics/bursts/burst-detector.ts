import { binomialUpperTail } from './poisson.js';

export interface BurstOptions {
  /** Days before the tested window that form the baseline. */
  baselineDays?: number;
  /** Window lengths tested, each ending on the tested day: 1 catches a sharp spike, 2–3 a steady rise. */
  windows?: readonly number[];
  /** Family-wise significance over the windows tested on one day (split evenly, Bonferroni). */
  alpha?: number;
  /** Observed/expected below this is no alert however significant: a big group drifting 20 % is not news. */
  minGrowth?: number;
  /** Fewest distinct items an alert may rest on (k-anonymity of the group and a floor on noise). */
  minItems?: number;
  /** Days of history a test needs: the start of the data is not the start of a concern. */
  minHistoryDays?: number;
}

export interface BurstTest {
  alert: boolean;
  /** Index into the series of the window's first and last day. */
  start: number;
  end: number;
  observed: number;
  distinct: number;
  expected: number;
  /** observed / expected */
  growth: number;
  /** Exact conditional test of two Poisson rates: P(X ≥ observed), X ~ Binomial(observed + baseline, w/(w + b)). */
  pValue: number;
  /** (observed − expected) / √expected, for a reader who thinks in standard deviations. */
  z: number;
}

const DEFAULTS = {
  baselineDays: 28,
  windows: [1, 2, 3],
  alpha: 0.001,
  minGrowth: 2,
  minItems: 5,
  minHistoryDays: 14,
} satisfies Required<BurstOptions>;

/** Monday = 0 … Sunday = 6 for a day number counted from 1970-01-01 (a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * How busy each weekday is relative to the mean, from a (preferably large, e.g. all posts) series; shrunk
 * towards 1 by `k` pseudo-days so a few quiet Sundays do not make Sunday's baseline near zero.
 * @example weekdayFactors(allPostsPerDay, firstDay)[6] // 0.6: Sundays see 60 % of an average day
 */
export function weekdayFactors(series: readonly number[], firstDay: number, k = 2): number[] {
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  let total = 0;
  series.forEach((c, i) => {
    const d = weekdayOf(firstDay + i);
    sums[d]! += c;
    counts[d]!++;
    total += c;
  });
  const mean = series.length > 0 ? total / series.length : 0;
  if (mean === 0) return new Array<number>(7).fill(1);
  return sums.map((s, d) => (s + k * mean) / (counts[d]! + k) / mean);
}

/**
 * Tests whether the days ending at `at` rise above the group's baseline, the days before them, adjusted for
 * weekday. Under "no change", window and baseline counts are Poisson with rates in proportion to their
 * weekday weights w and b, so given their total n the window's count is Binomial(n, w/(w + b)): an exact
 * test that, unlike a Poisson test against an estimated mean, allows for the baseline's own noise and
 * needs no prior for a group with no history. Of the windows tested, the most significant is returned.
 * @example testBurst([3,2,4,3,2,3,3,12,13], 8, firstDay, factors).alert // true
 */
export function testBurst(
  series: readonly number[],
  at: number,
  firstDay: number,
  factors: readonly number[],
  options: BurstOptions = {},
  distinctIn: (start: number, end: number) => number = (s, e) => sum(series, s, e),
): BurstTest {
  const o = { ...DEFAULTS, ...options };
  const perWindowAlpha = o.alpha / o.windows.length;
  let best: BurstTest | undefined;
  for (const w of o.windows) {
    const start = at - w + 1;
    if (start < o.minHistoryDays) continue;
    const baseFrom = Math.max(0, start - o.baselineDays);
    const baseline = sum(series, baseFrom, start - 1);
    const baseWeight = weight(factors, firstDay, baseFrom, start - 1);
    const windowWeight = weight(factors, firstDay, start, at);
    const observed = sum(series, start, at);
    // half an item of baseline keeps growth finite for a group that had none
    const expected = (Math.max(baseline, 0.5) * windowWeight) / baseWeight;
    const pValue = binomialUpperTail(
      observed,
      observed + baseline,
      windowWeight / (windowWeight + baseWeight),
    );
    const rises = pValue < perWindowAlpha && observed >= o.minGrowth * expected;
    // counting copies costs a fingerprint pass: done only where it can decide an alert
    const distinct = rises && observed >= o.minItems ? distinctIn(start, at) : observed;
    const test: BurstTest = {
      alert: rises && distinct >= o.minItems,
      start,
      end: at,
      observed,
      distinct,
      expected,
      growth: observed / expected,
      pValue,
      z: (observed - expected) / Math.sqrt(expected),
    };
    if (!best || rank(test) > rank(best)) best = test;
  }
  return best ?? emptyTest(at);
}

export interface BurstEpisode {
  /** Index of the first day of the first alerting window, and of the last alerting day. */
  start: number;
  end: number;
  /** The test on the day the episode was first detected. */
  first: BurstTest;
}

/**
 * Runs `testBurst` on every day (as the nightly job would have) and joins alerting days that touch into
 * episodes: for backtests, the offline CLI and tests.
 */
export function scanBursts(
  series: readonly number[],
  firstDay: number,
  factors: readonly number[],
  options: BurstOptions = {},
): BurstEpisode[] {
  const episodes: BurstEpisode[] = [];
  for (let at = 0; at < series.length; at++) {
    const t = testBurst(series, at, firstDay, factors, options);
    if (!t.alert) continue;
    const last = episodes[episodes.length - 1];
    if (last && t.start <= last.end + 1) last.end = at;
    else episodes.push({ start: t.start, end: at, first: t });
  }
  return episodes;
}

// an alert outranks a non-alert; among equals the smaller p-value wins
function rank(t: BurstTest): number {
  return (t.alert ? 1000 : 0) - Math.log10(Math.max(t.pValue, 1e-300));
}

function emptyTest(at: number): BurstTest {
  return {
    alert: false,
    start: at,
    end: at,
    observed: 0,
    distinct: 0,
    expected: 0,
    growth: 0,
    pValue: 1,
    z: 0,
  };
}

function sum(series: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i <= to; i++) s += series[i] ?? 0;
  return s;
}

function weight(factors: readonly number[], firstDay: number, from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i <= to; i++) s += factors[weekdayOf(firstDay + i)] ?? 1;
  return s;
}
