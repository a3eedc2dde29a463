import type { SurveyAnswer, SurveyQuestion } from '../../../db/schema/index.js';
import { type CrossTable, shownRows, suppressCells } from './suppression.js';

export interface ResponseRow {
  departmentId: number | null;
  answers: SurveyAnswer[];
}

export interface QuestionResult {
  index: number;
  kind: SurveyQuestion['kind'];
  prompt: string;
  answered: number;
  options?: { label: string; count: number; percent: number }[];
  mean?: number;
  /** rows of the breakdown; a `null` cell is suppressed */
  byDepartment?: { departmentId: number | null; cells: (number | null)[] }[];
  texts?: string[];
}

export interface SurveyResults {
  k: number;
  /** final results (survey closed): with department breakdowns and free text */
  final: boolean;
  /** null while fewer than k have answered: then nothing else is shown */
  responseCount: number | null;
  departments: { departmentId: number | null; respondents: number }[];
  /** respondents outside the shown departments (0 or ≥ k by construction) */
  otherRespondents: number;
  questions: QuestionResult[];
}

const percent = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 1000) / 10);

/** The option labels (columns) of a choice or scale question. */
export function columnsOf(q: SurveyQuestion): string[] {
  if (q.kind === 'scale') {
    return Array.from({ length: q.max! - q.min! + 1 }, (_, i) => String(q.min! + i));
  }
  return q.options ?? [];
}

/** Column index of one answer to a single-choice or scale question. */
function columnOf(q: SurveyQuestion, a: SurveyAnswer): number {
  return q.kind === 'scale' ? (a as number) - q.min! : (a as number);
}

/**
 * Counts, percentages and (when final) k-protected department breakdowns and free text.
 * Breakdowns and text wait for the close: live readings taken k responses apart could otherwise be
 * subtracted to find what one department's newest respondent answered.
 */
export function computeResults(
  questions: readonly SurveyQuestion[],
  responses: readonly ResponseRow[],
  k: number,
  final: boolean,
): SurveyResults {
  const n = responses.length;
  if (n < k) {
    return { k, final, responseCount: null, departments: [], otherRespondents: 0, questions: [] };
  }
  const groups = groupByDepartment(responses);
  const totals = groups.map((g) => g.rows.length);
  const rows = final ? shownRows(totals, k) : groups.map(() => false);
  const shownIds = groups.filter((_, i) => rows[i]).map((g) => g.departmentId);
  const results = questions.map((q, index): QuestionResult => {
    const base = { index, kind: q.kind, prompt: q.prompt };
    if (q.kind === 'text') {
      const texts = responses
        .map((r) => r.answers[index])
        .filter((a): a is string => typeof a === 'string' && a.trim() !== '');
      // sorted, so the order says nothing about who answered when
      return { ...base, answered: texts.length, ...(final ? { texts: texts.sort() } : {}) };
    }
    const labels = columnsOf(q);
    const multiple = q.kind === 'multiple';
    const cellsOf = (group: ResponseRow[]) => {
      const cells = labels.map(() => 0);
      for (const r of group) {
        const a = r.answers[index];
        if (multiple) for (const o of a as number[]) cells[o]!++;
        else cells[columnOf(q, a ?? null)]!++;
      }
      return cells;
    };
    const overall = cellsOf(responses as ResponseRow[]);
    const options = labels.map((label, i) => ({
      label,
      count: overall[i]!,
      percent: percent(overall[i]!, n),
    }));
    const mean =
      q.kind === 'scale'
        ? Math.round((overall.reduce((a, c, i) => a + c * (q.min! + i), 0) / n) * 100) / 100
        : undefined;
    const perGroup = groups.map((g) => cellsOf(g.rows));
    let byDepartment: QuestionResult['byDepartment'];
    if (final && shownIds.length > 0) {
      const display = multiple
        ? labels.map((_, o) =>
            suppressCells(
              binaryTable(
                perGroup.map((c) => c[o]!),
                totals,
                rows,
              ),
              k,
            ).map((row) => row[0]!),
          )
        : undefined;
      const single = multiple ? undefined : suppressCells({ rowTotals: totals, cells: perGroup, rows }, k);
      byDepartment = groups.flatMap((g, r) =>
        rows[r]
          ? [
              {
                departmentId: g.departmentId,
                cells: single ? single[r]! : labels.map((_, o) => display![o]![r]!),
              },
            ]
          : [],
      );
    }
    return {
      ...base,
      answered: n,
      options,
      ...(mean === undefined ? {} : { mean }),
      ...(byDepartment ? { byDepartment } : {}),
    };
  });
  const departments = groups.flatMap((g, i) =>
    rows[i] ? [{ departmentId: g.departmentId, respondents: totals[i]! }] : [],
  );
  return {
    k,
    final,
    responseCount: n,
    departments,
    otherRespondents: n - departments.reduce((a, d) => a + d.respondents, 0),
    questions: results,
  };
}

// one option of a multiple-choice question: "ticked" is shown, "not ticked" never is but still subtracts
function binaryTable(ticked: number[], totals: number[], rows: boolean[]): CrossTable {
  return { rowTotals: totals, cells: ticked.map((t, r) => [t, totals[r]! - t]), rows, hiddenColumns: [1] };
}

function groupByDepartment(responses: readonly ResponseRow[]) {
  const byId = new Map<number | null, ResponseRow[]>();
  for (const r of responses) {
    const list = byId.get(r.departmentId);
    if (list) list.push(r);
    else byId.set(r.departmentId, [r]);
  }
  return [...byId.entries()]
    .sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
    .map(([departmentId, rows]) => ({ departmentId, rows }));
}
