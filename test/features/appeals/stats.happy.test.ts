import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../../db/schema/index.js';
import { answerAppeal } from '../../../src/features/appeals/answers.service.js';
import { recordOutcome } from '../../../src/features/appeals/commitments.service.js';
import { giveVerdict } from '../../../src/features/appeals/follow-up.service.js';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { deptId, getJson, row, store } from './appeals-fixture.js';

interface Metrics {
  views: number;
  dailyViews: number | null;
  appeals: number;
  answered: number;
  answers: number;
  answerRate: number | null;
  medianHoursToFirstAnswer: number | null;
  overdueAppeals: number;
  commitments: { total: number; kept: number; partlyKept: number; notKept: number; overdue: number };
  problemsSolved: number;
  satisfaction: { rated: number; satisfied: number; partlySatisfied: number; rate: number | null } | null;
}
interface Stats {
  overall: Metrics;
  departments: (Metrics & { departmentId: number })[];
  months: (Metrics & { month: string })[];
}

/**
 * A fixture small enough to count by hand. In March 2026 (China time), all posted Monday the 2nd at 17:00:
 *  canteen  7 appeals, first answers after 1…7 h, one answered twice; 5 satisfied + 1 partly = 6 rated
 *  housing  3 appeals, answers after 10 and 20 h ("not yet", next update 31 March), 1 never answered
 *           (overdue from 17 March); 1 satisfied + 1 partly = 2 rated
 *  bus      5 appeals, answers after 30…70 h, each promising 10 March: kept, kept, partly, not kept, and
 *           one left without outcome (overdue); 3 satisfied + 2 partly = 5 rated
 * and one canteen appeal in February (answered, satisfied). Page views: 6 of a canteen appeal, 4 of a bus one.
 */
describe('public statistics from a hand-counted fixture', () => {
  let h: Harness;
  let d: { canteen: number; housing: number; bus: number };

  beforeAll(async () => {
    h = await createHarness();
    d = {
      canteen: await deptId(h, 'canteen'),
      housing: await deptId(h, 'housing'),
      bus: await deptId(h, 'commuter-bus'),
    };
    const as = (dept: number) => ({ id: null, role: 'responder', departmentIds: [dept] });
    const verdict = async (id: number, v: Verdict) =>
      giveVerdict(
        h.db,
        await row(h, id),
        { verdict: v, reason: v === 'satisfied' ? undefined : '一般' },
        { now: h.clock.now(), at: h.clock.now() },
      );

    h.clock.set(Date.UTC(2026, 1, 20, 2));
    const feb = (await store(h, { title: '二月', body: '二月的诉求', category: 'canteen' })).id;
    h.clock.advance(HOUR);
    await answerAppeal(
      h.db,
      as(d.canteen),
      feb,
      { kind: 'outside_policy', explanation: '按规定' },
      h.clock.now(),
    );
    await verdict(feb, 'satisfied');

    const posted = Date.UTC(2026, 2, 2, 9);
    h.clock.set(posted);
    const make = async (category: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++)
        out.push((await store(h, { title: `${category}${i}`, body: '内容', category })).id);
      return out;
    };
    const canteen = await make('canteen', 7);
    const housing = await make('housing', 3);
    const bus = await make('commuting', 5);
    const answers: [number, number, () => Promise<unknown>][] = [
      ...canteen.map(
        (id, i) =>
          [
            i + 1,
            id,
            () =>
              answerAppeal(
                h.db,
                as(d.canteen),
                id,
                { kind: 'outside_policy', explanation: '解释' },
                h.clock.now(),
              ),
          ] as [number, number, () => Promise<unknown>],
      ),
      ...[10, 20].map(
        (hours, i) =>
          [
            hours,
            housing[i]!,
            () =>
              answerAppeal(
                h.db,
                as(d.housing),
                housing[i]!,
                { kind: 'not_yet_solvable', reason: '原因', investigation: '调查', nextUpdate: '2026-03-31' },
                h.clock.now(),
              ),
          ] as [number, number, () => Promise<unknown>],
      ),
      ...bus.map(
        (id, i) =>
          [
            30 + 10 * i,
            id,
            () =>
              answerAppeal(
                h.db,
                as(d.bus),
                id,
                { kind: 'solvable', measures: '措施', ownerDepartmentId: d.bus, dueDate: '2026-03-10' },
                h.clock.now(),
              ),
          ] as [number, number, () => Promise<unknown>],
      ),
    ];
    const promises = new Map<number, number>();
    for (const [hours, id, run] of answers) {
      h.clock.set(posted + hours * HOUR);
      const r = (await run()) as { commitmentId: number | null };
      if (r.commitmentId) promises.set(id, r.commitmentId);
    }
    h.clock.set(Date.UTC(2026, 2, 6, 2));
    await answerAppeal(
      h.db,
      as(d.canteen),
      canteen[0]!,
      { kind: 'outside_policy', explanation: '补充说明' },
      h.clock.now(),
    );
    h.clock.set(Date.UTC(2026, 2, 9, 2));
    const outcomes = ['kept', 'kept', 'partly_kept', 'not_kept'] as const;
    for (const [i, outcome] of outcomes.entries())
      await recordOutcome(h.db, as(d.bus), promises.get(bus[i]!)!, { outcome, text: '结果' }, h.clock.now());
    const verdicts: [number[], Verdict[]][] = [
      [canteen, ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'partly_satisfied']],
      [housing, ['satisfied', 'partly_satisfied']],
      [bus, ['satisfied', 'satisfied', 'satisfied', 'partly_satisfied', 'partly_satisfied']],
    ];
    for (const [ids, vs] of verdicts) for (const [i, v] of vs.entries()) await verdict(ids[i]!, v);
    h.clock.set(Date.UTC(2026, 2, 12, 2));
    for (let i = 0; i < 6; i++) await h.request(`/api/v1/appeals/${canteen[0]}`);
    for (let i = 0; i < 4; i++) await h.request(`/api/v1/appeals/${bus[0]}`);
    h.clock.set(Date.UTC(2026, 2, 20, 2));
  });
  afterAll(() => h.close());

  it('matches the hand count for March, overall and per department', async () => {
    const s = await getJson<Stats>(h, '/api/v1/stats?from=2026-03&to=2026-03');
    expect(s.overall).toEqual({
      views: 10,
      dailyViews: 0.5, // 10 views over the 20 days of March so far
      appeals: 15,
      answered: 14,
      answers: 15,
      answerRate: 0.933,
      medianHoursToFirstAnswer: 8.5, // 1 2 3 4 5 6 7 | 10 20 | 30 40 50 60 70 → (7 + 10) / 2
      overdueAppeals: 1,
      commitments: { total: 7, kept: 2, partlyKept: 1, notKept: 1, overdue: 1 },
      problemsSolved: 2,
      satisfaction: { rated: 13, satisfied: 9, partlySatisfied: 4, unsatisfied: 0, rate: 0.692 },
    });
    const by = (id: number) => s.departments.find((x) => x.departmentId === id)!;
    expect(by(d.canteen)).toMatchObject({
      views: 6,
      appeals: 7,
      answered: 7,
      answers: 8,
      answerRate: 1,
      medianHoursToFirstAnswer: 4,
    });
    expect(by(d.canteen).satisfaction).toEqual({
      rated: 6,
      satisfied: 5,
      partlySatisfied: 1,
      unsatisfied: 0,
      rate: 0.833,
    });
    expect(by(d.housing)).toMatchObject({
      appeals: 3,
      answered: 2,
      answerRate: 0.667,
      medianHoursToFirstAnswer: 15,
      overdueAppeals: 1,
    });
    expect(by(d.housing).commitments).toEqual({ total: 2, kept: 0, partlyKept: 0, notKept: 0, overdue: 0 });
    expect(by(d.bus)).toMatchObject({
      views: 4,
      appeals: 5,
      medianHoursToFirstAnswer: 50,
      problemsSolved: 2,
    });
    expect(by(d.bus).commitments).toEqual({ total: 5, kept: 2, partlyKept: 1, notKept: 1, overdue: 1 });
  });

  it('shows no satisfaction below 5 rated, and hides a neighbour when the hidden ones could be derived', async () => {
    const s = await getJson<Stats>(h, '/api/v1/stats?from=2026-03&to=2026-03');
    const by = (id: number) => s.departments.find((x) => x.departmentId === id)!;
    // housing has 2 rated: hidden. Bureau minus the shown departments would reveal those 2, so the
    // smallest shown one (bus, 5 rated) is hidden too; canteen (6 rated) stays.
    expect(by(d.housing).satisfaction).toBeNull();
    expect(by(d.bus).satisfaction).toBeNull();
    expect(by(d.canteen).satisfaction).not.toBeNull();
    for (const x of s.departments.filter((x) => ![d.canteen].includes(x.departmentId)))
      expect(x.satisfaction).toBeNull();
  });

  it('applies the same rule to months: February’s single rating would follow from the total', async () => {
    const s = await getJson<Stats>(h, '/api/v1/stats?from=2026-02&to=2026-03');
    expect(s.overall.satisfaction).toMatchObject({ rated: 14, satisfied: 10 });
    expect(s.months.map((m) => [m.month, m.appeals, m.satisfaction])).toEqual([
      ['2026-02', 1, null],
      ['2026-03', 15, null],
    ]);
    const one = await getJson<Stats>(h, `/api/v1/stats?from=2026-03&to=2026-03&departmentId=${d.canteen}`);
    expect(one.overall).toMatchObject({ appeals: 7, satisfaction: { rated: 6 } });
    expect(one.departments.map((x) => x.departmentId)).toEqual([d.canteen]);
  });

  it('never shows a satisfaction rate over fewer than 5 rated appeals, anywhere in the answer', async () => {
    for (const q of [
      '',
      '?from=2026-02&to=2026-03',
      '?from=2026-03&to=2026-03',
      `?departmentId=${d.housing}`,
    ]) {
      const s = await getJson<Stats>(h, `/api/v1/stats${q}`);
      for (const m of [s.overall, ...s.departments, ...s.months])
        if (m.satisfaction !== null) expect(m.satisfaction.rated).toBeGreaterThanOrEqual(5);
    }
  });
});
