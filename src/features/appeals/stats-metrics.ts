import type { CommitmentOutcome, Verdict } from '../../../db/schema/index.js';
import { DAY, HOUR } from '../../platform/clock.js';

/** Below this many rated appeals a group shows no satisfaction rate (the k ≥ 5 rule used everywhere). */
export const MIN_RATED = 5;

/** One fact, attributed to a department and to the month of the appeal it belongs to (or of the view). */
interface Fact {
  dept: number | null;
  month: string;
}

export interface Facts {
  appeals: (Fact & { publishAt: number; firstAnsweredAt: number | null; answers: number })[];
  // appeals that missed (or are now past) a first-answer deadline, against the department that missed it
  misses: (Fact & { appealId: number })[];
  commitments: (Fact & { kind: 'due' | 'next_update'; outcome: CommitmentOutcome | null; late: boolean })[];
  // the latest verdict of each rated appeal, against the department whose answer was judged
  verdicts: (Fact & { verdict: Verdict })[];
  views: (Fact & { count: number })[];
}

export type Pick = (f: Fact) => boolean;

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The public figures of one group (overall, a department, a month) over `days` days. */
export function metrics(f: Facts, pick: Pick, days: number) {
  const appeals = f.appeals.filter(pick);
  const answered = appeals.filter((a) => a.firstAnsweredAt !== null);
  const promises = f.commitments.filter(pick);
  const verdicts = f.verdicts.filter(pick);
  const views = f.views.filter(pick).reduce((n, v) => n + v.count, 0);
  const hours = median(answered.map((a) => (a.firstAnsweredAt! - a.publishAt) / HOUR));
  const count = (o: CommitmentOutcome) => promises.filter((c) => c.outcome === o).length;
  const rated = verdicts.length;
  const satisfied = verdicts.filter((v) => v.verdict === 'satisfied').length;
  const partly = verdicts.filter((v) => v.verdict === 'partly_satisfied').length;
  return {
    views,
    dailyViews: days > 0 ? Math.round((views / days) * 10) / 10 : null,
    appeals: appeals.length,
    answered: answered.length,
    answers: appeals.reduce((n, a) => n + a.answers, 0),
    answerRate: ratio(answered.length, appeals.length),
    medianHoursToFirstAnswer: hours === null ? null : Math.round(hours * 10) / 10,
    overdueAppeals: new Set(f.misses.filter(pick).map((m) => m.appealId)).size,
    commitments: {
      total: promises.length,
      kept: count('kept'),
      partlyKept: count('partly_kept'),
      notKept: count('not_kept'),
      overdue: promises.filter((c) => c.late).length,
    },
    problemsSolved: promises.filter((c) => c.kind === 'due' && c.outcome === 'kept').length,
    satisfaction: {
      rated,
      satisfied,
      partlySatisfied: partly,
      unsatisfied: rated - satisfied - partly,
      rate: ratio(satisfied, rated),
    } as {
      rated: number;
      satisfied: number;
      partlySatisfied: number;
      unsatisfied: number;
      rate: number | null;
    } | null,
  };
}

export type Metrics = ReturnType<typeof metrics>;

/**
 * The k ≥ 5 rule on a partition of a shown parent (departments of the bureau, months of a period): a
 * group with fewer than MIN_RATED rated appeals shows no satisfaction; and when the hidden groups together
 * hold fewer than MIN_RATED (so parent minus the shown ones would reveal them), the smallest shown groups
 * are hidden too (complementary suppression).
 */
export function suppressSatisfaction(groups: Metrics[], parent: Metrics): void {
  const rated = (m: Metrics) => m.satisfaction?.rated ?? 0;
  const hidden = new Set(groups.filter((g) => rated(g) < MIN_RATED));
  const hiddenSum = () => [...hidden].reduce((n, g) => n + rated(g), 0);
  const shown = groups.filter((g) => !hidden.has(g)).sort((a, b) => rated(a) - rated(b));
  while (hiddenSum() > 0 && hiddenSum() < MIN_RATED && parent.satisfaction !== null && shown.length) {
    hidden.add(shown.shift()!);
  }
  for (const g of hidden) g.satisfaction = null;
}

/** The parent itself follows the plain rule. */
export function suppressOwn(m: Metrics): void {
  if ((m.satisfaction?.rated ?? 0) < MIN_RATED) m.satisfaction = null;
}

/** Days a period covers up to now, for the daily average of views. */
export function daysCovered(from: number, to: number, now: number): number {
  return Math.max(0, Math.ceil((Math.min(to, now) - from) / DAY));
}
