import type { CommitmentOutcome, Verdict } from '../schema/index.js';
import type { DemoLife } from './demo-appeals.data.js';

type Answer =
  | { kind: 'solvable'; measures: string; dueDate: string }
  | { kind: 'not_yet_solvable'; reason: string; investigation: string; nextUpdate: string }
  | { kind: 'outside_policy'; explanation: string; policyUrl?: string };

/** What a demo life can do, on the simulated clock (days count from the moment of posting). */
export interface LifeContext {
  postedAt: number;
  office(day: number, hour?: number): number;
  author(day: number): number;
  date(day: number): string;
  answer(at: number, input: Answer): Promise<unknown>;
  outcome(at: number, outcome: CommitmentOutcome, text: string): Promise<void>;
  verdict(at: number, verdict: Verdict, reason?: string): Promise<void>;
  withdraw(at: number, reason?: string): Promise<void>;
  reassign(at: number, departmentSlug: string, reason: string): Promise<unknown>;
}

const solve = (dueDate: string): Answer => ({
  kind: 'solvable',
  measures:
    '经与相关车间研究，确定以下措施：一是立即组织现场核查，二是明确责任人限期整改，三是整改结果在本平台公开，接受职工监督。',
  dueDate,
});

const notYet = (nextUpdate: string): Answer => ({
  kind: 'not_yet_solvable',
  reason: '该问题涉及多个部门和上级的政策规定，所需经费尚未落实，目前还不能马上解决。',
  investigation: '正在统计受影响的职工人数和所需费用，并与相关单位协商可行方案。',
  nextUpdate,
});

const policy: Answer = {
  kind: 'outside_policy',
  explanation:
    '根据现行规定，该事项由上级统一确定，不在本单位可以调整的范围内。我们理解大家的心情，已将意见整理后向上级反映，有新的政策会第一时间解读。',
  policyUrl: '/policies',
};

/** The dated steps of one demo life; the appeal is posted before any of them. */
export function demoLifeSteps(life: DemoLife, x: LifeContext): { at: number; run: () => Promise<unknown> }[] {
  const at = (t: number, run: () => Promise<unknown>) => ({ at: t, run });
  switch (life) {
    case 'waiting':
    case 'unrouted':
    case 'late':
      return [];
    case 'reassigned':
      return [
        at(x.office(1, 9), () =>
          x.reassign(x.office(1, 9), 'passenger-depot', '排班由客运段自行编制，转客运段办理'),
        ),
      ];
    case 'late-then-answered':
      return [at(x.office(12), () => x.answer(x.office(12), solve(x.date(60))))];
    case 'solve-open':
      return [at(x.office(1), () => x.answer(x.office(1), solve(x.date(90))))];
    case 'solve-kept-satisfied':
      return [
        at(x.office(1), () => x.answer(x.office(1), solve(x.date(14)))),
        at(x.office(12, 15), () => x.outcome(x.office(12, 15), 'kept', '已按承诺完成，现场已验收。')),
        at(x.author(13), () => x.verdict(x.author(13), 'satisfied')),
      ];
    case 'solve-late':
      return [at(x.office(1), () => x.answer(x.office(1), solve(x.date(15))))];
    case 'solve-partly-autoclosed':
      return [
        at(x.office(1), () => x.answer(x.office(1), solve(x.date(12)))),
        at(x.office(12, 16), () =>
          x.outcome(
            x.office(12, 16),
            'partly_kept',
            '已完成大部分整改，剩余部分需等待年度预算，下季度完成。',
          ),
        ),
      ];
    case 'not-yet-open':
      return [at(x.office(2), () => x.answer(x.office(2), notYet(x.date(45))))];
    case 'not-yet-then-solved':
      return [
        at(x.office(1), () => x.answer(x.office(1), notYet(x.date(10)))),
        at(x.office(8), () => x.answer(x.office(8), solve(x.date(15)))),
        at(x.office(14), () => x.outcome(x.office(14), 'kept', '调整方案已实施。')),
        at(x.author(15), () => x.verdict(x.author(15), 'partly_satisfied', '问题解决了，但拖得有点久。')),
      ];
    case 'policy-satisfied':
      return [
        at(x.office(1), () => x.answer(x.office(1), policy)),
        at(x.author(3), () => x.verdict(x.author(3), 'satisfied')),
      ];
    case 'policy-autoclosed':
    case 'policy-answered':
      return [at(x.office(1), () => x.answer(x.office(1), policy))];
    case 'reopened':
      return [
        at(x.office(1), () => x.answer(x.office(1), policy)),
        at(x.author(2), () => x.verdict(x.author(2), 'unsatisfied', '答复只讲了规定，没有回答具体问题。')),
      ];
    case 'reopened-final':
      return [
        at(x.office(1), () => x.answer(x.office(1), solve(x.date(5)))),
        at(x.office(5), () => x.outcome(x.office(5), 'kept', '已按承诺办理。')),
        at(x.author(6), () => x.verdict(x.author(6), 'unsatisfied', '办理结果和答复说的不一样。')),
        at(x.office(8), () => x.answer(x.office(8), policy)),
        at(x.author(10), () => x.verdict(x.author(10), 'unsatisfied', '还是没有解决。')),
      ];
    case 'withdrawn':
      return [at(x.author(1), () => x.withdraw(x.author(1), '问题已经自行解决，谢谢。'))];
  }
}
