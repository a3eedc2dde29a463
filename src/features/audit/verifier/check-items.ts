import { fromBase64Url, type LogEntry, textCommitment } from './log-format.js';
import type { Problem, ProblemCode } from './report.js';

/** Each committed item: its current public text must hash, with its salt, to the logged commitment. */
export async function checkItems(
  entries: LogEntry[],
  get: <T>(path: string) => Promise<{ status: number; body: T | null }>,
  problem: (code: ProblemCode, message: string, extra?: Partial<Problem>) => void,
) {
  const visibility = new Map<string, unknown>();
  for (const e of entries) {
    const v = (e.data as { visibility?: unknown }).visibility;
    if (e.item && v !== undefined) visibility.set(`${e.item.type}/${e.item.id}`, v);
  }
  let checked = 0;
  let withheld = 0;
  for (const e of entries) {
    if (e.kind !== 'text.commit' || !e.item) continue;
    const { commitment, fields, url } = e.data as { commitment: string; fields: string[]; url: string };
    const key = `${e.item.type}/${e.item.id}`;
    const item = { type: e.item.type, id: e.item.id };
    const opening = (
      await get<{ commitment: string; salt: string | null; withheld: boolean }>(`/api/v1/log/items/${key}`)
    ).body;
    if (!opening || opening.commitment !== commitment) {
      problem('commitment-mismatch', `${key}: the served commitment differs from entry ${e.seq}`, { item });
      continue;
    }
    if (opening.withheld || opening.salt === null) {
      withheld++;
      if (visibility.get(key) !== 'hidden')
        problem('withheld-unlogged', `${key}: text withheld without a hiding on the log`, { item });
      continue;
    }
    const served = await get<Record<string, unknown>>(url);
    if (!served.body) {
      problem('item-missing', `${key}: committed at entry ${e.seq} but ${url} answers ${served.status}`, {
        item,
      });
      continue;
    }
    const values = fields.map((f) => served.body![f]);
    const same =
      values.every((v) => typeof v === 'string') &&
      (await textCommitment(fromBase64Url(opening.salt), values as string[])) === commitment;
    if (!same) problem('text-mismatch', `${key}: the text served now is not the text committed`, { item });
    checked++;
  }
  return { checked, withheld };
}
