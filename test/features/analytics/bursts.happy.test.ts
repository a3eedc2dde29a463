import { describe, expect, it } from 'vitest';
import {
  scanBursts,
  testBurst,
  weekdayFactors,
  weekdayOf,
} from '../../../src/features/analytics/bursts/burst-detector.js';
import {
  binomialUpperTail,
  logFactorial,
  poissonUpperTail,
} from '../../../src/features/analytics/bursts/poisson.js';
import { dailySeries, WEEKLY_RHYTHM } from './fixtures/synthetic-series.js';

// 2026-01-05, a Monday, as a day number since 1970-01-01
const MONDAY = Date.UTC(2026, 0, 5) / 86_400_000;
const flatFactors = new Array(7).fill(1);

describe('tail probabilities', () => {
  it('matches values computed elsewhere', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    // P(X ≥ 12 | μ = 4) = 1 − CDF(11; 4) = 0.000915…
    expect(poissonUpperTail(12, 4)).toBeCloseTo(0.000915, 6);
    expect(poissonUpperTail(60, 10)).toBeGreaterThan(0);
    expect(poissonUpperTail(60, 10)).toBeLessThan(1e-20);
    expect(logFactorial(40)).toBeCloseTo(110.3206397147574, 9);
    expect(binomialUpperTail(5, 5, 1 / 29)).toBeCloseTo((1 / 29) ** 5, 15);
    // P(X ≥ 3 | n = 10, p = 0.5) = 1 − 56/1024
    expect(binomialUpperTail(3, 10, 0.5)).toBeCloseTo(1 - 56 / 1024, 12);
    expect(binomialUpperTail(0, 10, 0.5)).toBe(1);
  });
});

describe('weekday effect', () => {
  it('numbers weekdays from Monday and learns the weekly rhythm', () => {
    expect(weekdayOf(MONDAY)).toBe(0);
    expect(weekdayOf(MONDAY + 6)).toBe(6);
    const series = dailySeries({ days: 364, firstDay: MONDAY, seed: 1, rate: () => 40 });
    const f = weekdayFactors(series, MONDAY);
    expect(f[0]! / f[6]!).toBeCloseTo(WEEKLY_RHYTHM[0]! / WEEKLY_RHYTHM[6]!, 1);
  });

  it('does not take the busy Monday of a strongly weekly series for a burst', () => {
    const series = Array.from({ length: 70 }, (_, i) => (weekdayOf(MONDAY + i) === 0 ? 20 : 2));
    const withRhythm = scanBursts(series, MONDAY, weekdayFactors(series, MONDAY));
    const without = scanBursts(series, MONDAY, flatFactors);
    expect(withRhythm).toEqual([]);
    expect(without.length).toBeGreaterThan(0);
  });
});

describe('burst detection', () => {
  it('raises nothing on a flat series (120 days, Poisson noise, weekly rhythm)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const series = dailySeries({ days: 120, firstDay: MONDAY, seed, rate: () => 3 });
      expect(scanBursts(series, MONDAY, weekdayFactors(series, MONDAY)), `seed ${seed}`).toEqual([]);
    }
  });

  it('raises one alert within a day of a step from 3 to 12 a day, with its statistic', () => {
    const series = dailySeries({ days: 70, firstDay: MONDAY, seed: 7, rate: (i) => (i < 60 ? 3 : 12) });
    const episodes = scanBursts(series, MONDAY, weekdayFactors(series.slice(0, 60), MONDAY));
    expect(episodes).toHaveLength(1);
    const [e] = episodes;
    expect(e!.first.end - 60, 'detection delay in days').toBeLessThanOrEqual(1);
    expect(e!.start).toBeGreaterThanOrEqual(59);
    expect(e!.first.growth).toBeGreaterThan(2);
    expect(e!.first.pValue).toBeLessThan(0.001 / 3);
    expect(e!.first.observed).toBeGreaterThanOrEqual(5);
    expect(e!.first.z).toBeGreaterThan(3);
  });

  it('raises nothing for a spike of 4 items from nothing: fewer than k = 5', () => {
    const series = [...new Array(40).fill(0), 4];
    const t = testBurst(series, 40, MONDAY, flatFactors);
    expect(t.pValue, 'the rise is significant…').toBeLessThan(1e-4);
    expect(t.alert, '…but rests on too few items').toBe(false);
  });

  it('raises an alert for the same spike with 5 items', () => {
    const t = testBurst([...new Array(40).fill(0), 5], 40, MONDAY, flatFactors);
    expect(t.alert).toBe(true);
    expect(t.observed).toBe(5);
  });

  it('counts distinct items, not pasted copies, towards k', () => {
    const series = [...new Array(40).fill(0), 6];
    const t = testBurst(series, 40, MONDAY, flatFactors, {}, () => 3);
    expect(t.alert).toBe(false);
    expect(t.distinct).toBe(3);
  });

  it('ignores a significant but small relative rise of a big group (growth < 2)', () => {
    const series = [...new Array(28).fill(100), 150];
    const t = testBurst(series, 28, MONDAY, flatFactors);
    expect(t.pValue).toBeLessThan(1e-5);
    expect(t.alert).toBe(false);
  });

  it('catches a steady 3× rise over two days that one day alone would not prove', () => {
    const series = [...new Array(28).fill(3), 9, 9];
    expect(testBurst(series, 28, MONDAY, flatFactors).alert).toBe(false);
    const t = testBurst(series, 29, MONDAY, flatFactors);
    expect(t.alert).toBe(true);
    expect([t.start, t.end]).toEqual([28, 29]);
  });
});

describe('operating characteristics over many seeded series', () => {
  it('rarely fires on flat series and catches a 3-day 3× rise at 10 items a day within a day', () => {
    let falseEpisodes = 0;
    let caught = 0;
    const delays: number[] = [];
    const runs = 100;
    for (let seed = 1; seed <= runs; seed++) {
      const flat = dailySeries({ days: 120, firstDay: MONDAY, seed, rate: () => 10 });
      falseEpisodes += scanBursts(flat, MONDAY, weekdayFactors(flat, MONDAY)).length;
      const rate = (i: number) => (i >= 60 && i <= 62 ? 30 : 10);
      const step = dailySeries({ days: 70, firstDay: MONDAY, seed: seed + 1000, rate });
      const hit = scanBursts(step, MONDAY, weekdayFactors(step.slice(0, 60), MONDAY)).find(
        (e) => e.first.end >= 60 && e.first.end <= 62,
      );
      if (hit) {
        caught++;
        delays.push(hit.first.end - 60);
      }
    }
    delays.sort((a, b) => a - b);
    const median = delays[Math.floor(delays.length / 2)];
    console.info(
      `[metrics] flat: ${falseEpisodes / runs} false episodes per 120 days; 3×: ${caught}/${runs}, median delay ${median} d`,
    );
    expect(falseEpisodes / runs).toBeLessThan(0.1);
    expect(caught / runs).toBeGreaterThanOrEqual(0.95);
    expect(median).toBeLessThanOrEqual(1);
  });
});
