import type { SurveyResults } from './survey-results.js';

// a spreadsheet runs a cell that starts like a formula; a leading apostrophe makes it text
function cell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The published results as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese correctly): the
 * same numbers as the JSON, suppressed cells marked, never a row per response.
 * @example surveyCsv(results, (id) => names.get(id) ?? '未说明')
 */
export function surveyCsv(results: SurveyResults, departmentName: (id: number | null) => string): string {
  const lines: (string | number | null)[][] = [['question', 'prompt', 'group', 'answer', 'count', 'percent']];
  if (results.responseCount === null) {
    lines.push(['', `fewer than ${results.k} responses: nothing is shown`, '', '', '', '']);
  }
  for (const q of results.questions) {
    const number = q.index + 1;
    for (const o of q.options ?? []) lines.push([number, q.prompt, 'all', o.label, o.count, o.percent]);
    if (q.mean !== undefined) lines.push([number, q.prompt, 'all', 'mean', q.mean, null]);
    for (const row of q.byDepartment ?? []) {
      row.cells.forEach((count, i) => {
        lines.push([
          number,
          q.prompt,
          departmentName(row.departmentId),
          q.options?.[i]?.label ?? '',
          count ?? 'suppressed',
          null,
        ]);
      });
    }
    for (const text of q.texts ?? []) lines.push([number, q.prompt, 'all', text, null, null]);
  }
  return `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}
