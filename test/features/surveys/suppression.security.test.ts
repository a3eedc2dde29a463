import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../../db/schema/index.js';
import { safeRemainder, shownRows, suppressCells } from '../../../src/features/surveys/suppression.js';
import { computeResults, type ResponseRow } from '../../../src/features/surveys/survey-results.js';

// fast-check draws the seed of each case; the generator below shapes it like real departments
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUESTIONS: SurveyQuestion[] = [
  { kind: 'single', prompt: 'q1', options: ['a', 'b', 'c', 'd'] },
  { kind: 'multiple', prompt: 'q2', options: ['x', 'y', 'z'] },
  { kind: 'scale', prompt: 'q3', min: 1, max: 5 },
  { kind: 'text', prompt: 'q4' },
];

/** Many small departments, a few large ones, skewed answers: the cases where small cells appear. */
function randomResponses(rand: () => number): ResponseRow[] {
  const departments = 1 + Math.floor(rand() * 8);
  const rows: ResponseRow[] = [];
  const skew = (n: number) => Math.min(n - 1, Math.floor(rand() ** 2 * n));
  for (let d = 0; d <= departments; d++) {
    const size = rand() < 0.2 ? Math.floor(rand() * 60) : Math.floor(rand() * 13);
    for (let i = 0; i < size; i++) {
      const ticks = [0, 1, 2].filter(() => rand() < 0.4);
      rows.push({
        departmentId: d === departments ? null : d + 1,
        answers: [skew(4), ticks.length ? ticks : [skew(3)], 1 + skew(5), rand() < 0.3 ? `t${i}` : null],
      });
    }
  }
  return rows;
}

const isolates = (rest: number, k: number) => !safeRemainder(rest, k);

describe('survey aggregates: every displayed cell ≥ k, no difference isolates fewer than k', () => {
  it('holds for 1,500 random response sets (k = 5, 6, 7), and suppression is really exercised', () => {
    let complementary = 0;
    const property = fc.property(fc.integer(), fc.integer({ min: 5, max: 7 }), (seed, k) => {
      const responses = randomResponses(mulberry32(seed));
      const r = computeResults(QUESTIONS, responses, k, true);
      const n = responses.length;
      if (n < k) {
        expect(r).toMatchObject({ responseCount: null, departments: [], questions: [] });
        return;
      }
      const truth = new Map<number | null, ResponseRow[]>();
      for (const row of responses) truth.set(row.departmentId, [...(truth.get(row.departmentId) ?? []), row]);
      // rows: each ≥ k, true, and the respondents outside them are 0 or ≥ k
      for (const d of r.departments) {
        expect(d.respondents).toBeGreaterThanOrEqual(k);
        expect(d.respondents).toBe(truth.get(d.departmentId)!.length);
      }
      const outside = n - r.departments.reduce((a, d) => a + d.respondents, 0);
      expect(r.otherRespondents).toBe(outside);
      if (r.departments.length > 0) expect(isolates(outside, k), `outside=${outside}`).toBe(false);

      for (const q of r.questions) {
        const spec = QUESTIONS[q.index]!;
        if (spec.kind === 'text') {
          expect(Object.keys(q).sort()).toEqual(['answered', 'index', 'kind', 'prompt', 'texts']);
          continue;
        }
        const overall = q.options!.map((o) => o.count);
        const rowsShown = q.byDepartment ?? [];
        expect(rowsShown.map((x) => x.departmentId)).toEqual(r.departments.map((d) => d.departmentId));
        for (const row of rowsShown) {
          const members = truth.get(row.departmentId)!;
          const total = members.length;
          row.cells.forEach((cell, o) => {
            const actual = members.filter((m) => {
              const a = m.answers[q.index];
              return spec.kind === 'multiple'
                ? (a as number[]).includes(o)
                : (a as number) - (spec.kind === 'scale' ? 1 : 0) === o;
            }).length;
            if (cell === null) {
              if (actual >= k) complementary++;
              return;
            }
            expect(cell).toBe(actual);
            expect(cell).toBeGreaterThanOrEqual(k);
            // multiple choice: "did not tick" is derivable as row total − ticked
            if (spec.kind === 'multiple') expect(isolates(total - cell, k), 'not ticked').toBe(false);
          });
          const shown = row.cells.filter((c): c is number => c !== null);
          if (spec.kind !== 'multiple' && shown.length > 0) {
            const rest = total - shown.reduce((a, c) => a + c, 0);
            expect(isolates(rest, k), `row ${row.departmentId}: ${total} − ${shown}`).toBe(false);
          }
        }
        overall.forEach((parent, o) => {
          const children = rowsShown.map((row) => row.cells[o]).filter((c): c is number => c != null);
          if (children.length === 0) return;
          const rest = parent - children.reduce((a, c) => a + c, 0);
          expect(isolates(rest, k), `column ${o}: ${parent} − ${children}`).toBe(false);
        });
      }
    });
    fc.assert(property, { numRuns: 1500, seed: 20261127 });
    expect(complementary, 'cells ≥ k hidden only to protect others').toBeGreaterThan(100);
  });

  it('live (not final) results show totals only: no departments, no breakdown, no free text', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 200; trial++) {
      const r = computeResults(QUESTIONS, randomResponses(rand), 5, false);
      expect(r.departments).toEqual([]);
      for (const q of r.questions) {
        expect(q.byDepartment).toBeUndefined();
        expect(q.texts).toBeUndefined();
      }
    }
  });

  it('worked examples: a lone small remainder drags a neighbour into suppression', () => {
    expect(shownRows([40, 7, 3, 6], 5)).toEqual([true, true, false, false]);
    expect(shownRows([40, 7, 0, 6], 5)).toEqual([true, true, false, true]);
    // row 0: 12 = 9 + 3 → the 3 would be exposed by subtraction, so the 9 hides too
    const cells = suppressCells(
      {
        rowTotals: [12, 20],
        cells: [
          [9, 3],
          [10, 10],
        ],
        rows: [true, true],
      },
      5,
    );
    expect(cells).toEqual([
      [null, null],
      // column 1: 13 − 10 = 3 → that 10 hides; row 1 then shows 10 with 10 hidden, column 0 hides 9
      [10, null],
    ]);
  });
});
