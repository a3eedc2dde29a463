/**
 * Small-group protection for survey breakdowns (k-anonymity on counts, with complementary suppression).
 *
 * Rows are the departments respondents named (plus "not stated"); there are no roll-up rows, so the
 * department tree adds no parent–child pair. The parents a reader can subtract from are: the respondent
 * count N, each shown row's respondent count, and each overall option count (shown in the overall results).
 * The rules:
 * - a displayed row total or cell is ≥ k;
 * - parent − (sum of its displayed children) is 0 or ≥ k, whenever at least one child is displayed
 *   (with none displayed the difference is the parent itself and says nothing new).
 * A violation is repaired by hiding the smallest displayed child, which adds ≥ k to the difference;
 * repairs can cascade between rows and columns, so they run until nothing changes (each step hides one
 * more value, so it ends).
 */

/** Whether `remainder` can be published next to the values it was subtracted from. */
export function safeRemainder(remainder: number, k: number): boolean {
  return remainder === 0 || remainder >= k;
}

/**
 * Which rows (respondent groups) may be shown: those with ≥ k respondents, minus the smallest ones while
 * the respondents outside the shown rows would number 1..k−1.
 * @example shownRows([40, 7, 3, 6], 5) // [true, true, false, false]: 3 alone outside would be exposed
 */
export function shownRows(totals: readonly number[], k: number): boolean[] {
  const shown = totals.map((t) => t >= k);
  const all = totals.reduce((a, b) => a + b, 0);
  for (;;) {
    const rest = all - totals.reduce((a, t, i) => a + (shown[i] ? t : 0), 0);
    if (safeRemainder(rest, k) || !shown.some(Boolean)) return shown;
    hideSmallest(
      shown.map((s, i) => (s ? i : -1)).filter((i) => i >= 0),
      (i) => totals[i]!,
      (i) => {
        shown[i] = false;
      },
    );
  }
}

export interface CrossTable {
  /** respondents per row; a row's cells add up to its total (see `hiddenColumns` for binary tables) */
  rowTotals: readonly number[];
  /** cells[row][column] */
  cells: readonly (readonly number[])[];
  /** which rows may be shown at all (from `shownRows`) */
  rows: readonly boolean[];
  /** columns that are never displayed but still count in row totals (e.g. "did not tick") */
  hiddenColumns?: readonly number[];
}

/**
 * The displayed cells of one question's breakdown: `null` where suppressed. Column totals are taken over
 * ALL rows, shown or not, because the overall results publish them.
 */
export function suppressCells(table: CrossTable, k: number): (number | null)[][] {
  const { rowTotals, cells, rows } = table;
  const columns = cells[0]?.length ?? 0;
  const never = new Set(table.hiddenColumns ?? []);
  const shown = cells.map((row, r) => row.map((v, c) => rows[r] === true && !never.has(c) && v >= k));
  const columnTotals = Array.from({ length: columns }, (_, c) => cells.reduce((a, row) => a + row[c]!, 0));
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < cells.length; r++) {
      if (!rows[r]) continue;
      const shownHere = indexes(columns).filter((c) => shown[r]![c]);
      const rest = rowTotals[r]! - shownHere.reduce((a, c) => a + cells[r]![c]!, 0);
      if (shownHere.length > 0 && !safeRemainder(rest, k)) {
        hideSmallest(
          shownHere,
          (c) => cells[r]![c]!,
          (c) => {
            shown[r]![c] = false;
          },
        );
        changed = true;
      }
    }
    for (let c = 0; c < columns; c++) {
      const shownHere = indexes(cells.length).filter((r) => shown[r]![c]);
      const rest = columnTotals[c]! - shownHere.reduce((a, r) => a + cells[r]![c]!, 0);
      if (shownHere.length > 0 && !safeRemainder(rest, k)) {
        hideSmallest(
          shownHere,
          (r) => cells[r]![c]!,
          (r) => {
            shown[r]![c] = false;
          },
        );
        changed = true;
      }
    }
  }
  return cells.map((row, r) => row.map((v, c) => (shown[r]![c] ? v : null)));
}

const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);

function hideSmallest(candidates: number[], value: (i: number) => number, hide: (i: number) => void) {
  let best = candidates[0]!;
  for (const i of candidates) if (value(i) < value(best)) best = i;
  hide(best);
}
