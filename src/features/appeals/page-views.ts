import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { pageViews } from '../../../db/schema/index.js';
import { HOUR } from '../../platform/clock.js';
import type { ChangeWatch } from '../../platform/db/change-watch.node.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import type { AppEnv } from '../../platform/http/env.js';
import { runBatch } from './appeal-state.js';

/** One page's views in one hour: the whole of what is kept about reading. */
interface HourCount {
  page: string;
  hour: number;
  appealId: number | null;
  count: number;
}

// views waiting to be written, per database that asked for buffering (the Node entry does; tests and
// Workers write each view at once)
const buffers = new WeakMap<Db, Map<string, HourCount>>();

/** Counts one view of a page in its hour. Nothing about the viewer is read or kept. */
export async function countView(db: Db, page: string, appealId: number | null, now: number) {
  const hour = Math.floor(now / HOUR) * HOUR;
  const buffer = buffers.get(db);
  if (!buffer) return writeCounts(db, [{ page, hour, appealId, count: 1 }]);
  add(buffer, { page, hour, appealId, count: 1 });
}

function add(buffer: Map<string, HourCount>, c: HourCount) {
  const key = `${c.hour}\t${c.page}`;
  const held = buffer.get(key);
  if (held) held.count += c.count;
  else buffer.set(key, { ...c });
}

const upsert = (db: Pick<Db, 'insert'>, { page, hour, appealId, count }: HourCount) =>
  db
    .insert(pageViews)
    .values({ page, hour, appealId, count })
    .onConflictDoUpdate({
      target: [pageViews.page, pageViews.hour],
      set: { count: sql`${pageViews.count} + ${count}` },
    });

async function writeCounts(db: Db, counts: HourCount[], watch?: Pick<ChangeWatch, 'quietly'>) {
  if (!watch) {
    await runBatch(
      db,
      counts.map((c) => upsert(db, c) as BatchItem),
    );
    return;
  }
  // no cached page shows view counts: their commit must not empty the response cache
  await watch.quietly((locked) =>
    db.transaction(async (tx) => {
      locked();
      for (const c of counts) await upsert(tx, c);
    }),
  );
}

/**
 * From now on `countView` adds up views of `db` in memory until `flushViews`, which writes them in one
 * transaction: a read no longer costs a write. A crash loses at most the views since the last flush.
 */
export function bufferViews(db: Db): void {
  if (!buffers.has(db)) buffers.set(db, new Map());
}

/**
 * Writes the buffered counts (if `db` buffers); on failure they stay buffered for the next flush. With
 * `watch` (the Node entry's), the write does not count as a change of what readers are shown.
 */
export async function flushViews(db: Db, watch?: Pick<ChangeWatch, 'quietly'>): Promise<void> {
  const buffer = buffers.get(db);
  if (!buffer?.size) return;
  const counts = [...buffer.values()];
  buffer.clear();
  try {
    await writeCounts(db, counts, watch);
  } catch (e) {
    for (const c of counts) add(buffer, c);
    throw e;
  }
}

export interface PageView {
  page: string;
  appealId: number | null;
}

// what each request counted, so a cached answer to the same URL can count the same views
const countedBy = new WeakMap<Request, PageView[]>();

/** The views a request counted (for the public response cache). */
export const viewsCountedBy = (request: Request): PageView[] => countedBy.get(request) ?? [];

/** A page view is a number in an hour bucket; a failure to count never fails the page. */
export async function viewed(c: Context<AppEnv>, page: string, appealId: number | null = null) {
  const views = countedBy.get(c.req.raw) ?? [];
  views.push({ page, appealId });
  countedBy.set(c.req.raw, views);
  try {
    await countView(c.var.db, page, appealId, c.var.clock.now());
  } catch (e) {
    c.var.log.error({ msg: 'view count failed', error: (e as Error).name });
  }
}
