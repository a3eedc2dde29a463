import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { type AppealStatus, appeals, commitments } from '../../../db/schema/index.js';
import { fromBase64Url, toBase64Url } from '../../platform/crypto/encoding.js';
import { utf8ToBytes } from '../../platform/crypto/hash.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { hiddenNotices } from '../moderation/index.js';
import { type AppealRow, answerOverdue, WAITING_STATUSES } from './appeal-state.js';
import { endOfChinaDay, startOfChinaDay } from './calendar.service.js';
import { hasTerms, rankedIds, searchCondition } from './search.service.js';
import { searchTerms } from './search-index.js';

export const listSorts = ['newest', 'cosigned', 'waiting', 'relevance'] as const;
export type ListSort = (typeof listSorts)[number];

export interface ListQuery {
  q?: string;
  status?: AppealStatus;
  departmentId?: number;
  categoryId?: number;
  from?: string;
  to?: string;
  overdue?: boolean;
  sort?: ListSort;
  cursor?: string;
  limit: number;
}

/** Waiting past a first-answer deadline, or holding a promise whose date has passed without an outcome. */
function overdueCondition(now: number): SQL {
  return or(
    and(
      inArray(appeals.status, [...WAITING_STATUSES]),
      or(isNotNull(appeals.overdueSince), lte(appeals.answerDueAt, now)),
    ),
    sql`EXISTS (SELECT 1 FROM ${commitments} WHERE ${commitments.appealId} = ${appeals.id}
      AND ${commitments.outcome} IS NULL AND ${commitments.dueAt} <= ${now})`,
  )!;
}

function filters(q: ListQuery, now: number): SQL | undefined {
  const terms = q.q ? searchTerms(q.q) : undefined;
  return and(
    // `+` keeps SQLite from ranging over (filter, publish_at) and then sorting a whole category by another
    // key: other sorts walk their own (filter, key) index and stop after a page
    q.sort === 'newest' ? lte(appeals.publishAt, now) : sql`+${appeals.publishAt} <= ${now}`,
    q.status ? eq(appeals.status, q.status) : undefined,
    q.departmentId ? eq(appeals.departmentId, q.departmentId) : undefined,
    q.categoryId ? eq(appeals.categoryId, q.categoryId) : undefined,
    q.from ? gte(appeals.createdAt, startOfChinaDay(q.from)) : undefined,
    q.to ? lt(appeals.createdAt, endOfChinaDay(q.to)) : undefined,
    q.overdue === true ? overdueCondition(now) : undefined,
    q.overdue === false ? sql`NOT ${overdueCondition(now)}` : undefined,
    q.sort === 'waiting' ? isNotNull(appeals.waitingSince) : undefined,
    terms && q.sort !== 'relevance' ? searchCondition(terms) : undefined,
  );
}

// opaque to clients: the last row's sort key and id (or, for relevance, an offset)
const encodeCursor = (v: number[]) => toBase64Url(utf8ToBytes(JSON.stringify(v)));
function decodeCursor(cursor: string, length: number): number[] {
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(cursor)));
    if (Array.isArray(v) && v.length === length && v.every((n) => Number.isSafeInteger(n))) return v;
  } catch {}
  throw new AppError('CURSOR_INVALID');
}

const keyed = {
  newest: { key: (r: AppealRow) => r.publishAt, col: appeals.publishAt, dir: 'desc' },
  cosigned: { key: (r: AppealRow) => r.cosignCount, col: appeals.cosignCount, dir: 'desc' },
  waiting: { key: (r: AppealRow) => r.waitingSince ?? 0, col: appeals.waitingSince, dir: 'asc' },
} as const;

/**
 * The public list: filters, a sort (newest, most co-signed, longest waiting, or relevance with `q`) and
 * cursor pagination. A query without a usable term (2+ characters) finds nothing.
 */
export async function listAppeals(db: Db, q: ListQuery, now: number) {
  const sort: ListSort = q.sort ?? (q.q ? 'relevance' : 'newest');
  const query = { ...q, sort };
  if (q.q && !hasTerms(searchTerms(q.q))) return { items: [], nextCursor: null };
  let rows: AppealRow[];
  let nextCursor: string | null = null;
  if (sort === 'relevance') {
    if (!q.q) throw new AppError('VALIDATION_FAILED', [{ path: 'sort', message: 'relevance needs q' }]);
    const [offset] = q.cursor ? decodeCursor(q.cursor, 1) : [0];
    const narrowed = [q.status, q.departmentId, q.categoryId, q.from, q.to, q.overdue].some(
      (f) => f !== undefined,
    );
    const ids = await rankedIds(db, searchTerms(q.q), filters(query, now), {
      offset: offset!,
      limit: q.limit + 1,
      narrowed,
    });
    if (ids.length > q.limit) nextCursor = encodeCursor([offset! + q.limit]);
    const page = ids.slice(0, q.limit);
    const found = page.length ? await db.select().from(appeals).where(inArray(appeals.id, page)) : [];
    rows = page.map((id) => found.find((r) => r.id === id)!).filter(Boolean);
  } else {
    const { key, col, dir } = keyed[sort];
    let after: SQL | undefined;
    if (q.cursor) {
      const [k, id] = decodeCursor(q.cursor, 2) as [number, number];
      after =
        dir === 'desc'
          ? or(lt(col, k), and(eq(col, k), lt(appeals.id, id)))
          : or(gt(col, k), and(eq(col, k), gt(appeals.id, id)));
    }
    rows = await db
      .select()
      .from(appeals)
      .where(and(filters(query, now), after))
      .orderBy(dir === 'desc' ? desc(col) : asc(col), dir === 'desc' ? desc(appeals.id) : asc(appeals.id))
      .limit(q.limit + 1);
    if (rows.length > q.limit) {
      rows = rows.slice(0, q.limit);
      const last = rows.at(-1)!;
      nextCursor = encodeCursor([key(last), last.id]);
    }
  }
  return { items: await summaries(db, rows, now), nextCursor };
}

/** List rows as the public sees them, with the overdue flag that includes missed commitments. */
export async function summaries(db: Db, rows: AppealRow[], now: number) {
  const ids = rows.map((r) => r.id);
  const late = ids.length
    ? await db
        .selectDistinct({ appealId: commitments.appealId })
        .from(commitments)
        .where(
          and(inArray(commitments.appealId, ids), isNull(commitments.outcome), lte(commitments.dueAt, now)),
        )
    : [];
  const lateIds = new Set(late.map((l) => l.appealId));
  const hidden = await hiddenNotices(db, 'appeal', ids);
  return rows.map((r) => ({
    id: r.id,
    title: hidden.get(r.id)?.tombstone.zh ?? r.title,
    excerpt: hidden.get(r.id)?.tombstone.zh ?? [...r.body].slice(0, 120).join(''),
    categoryId: r.categoryId,
    departmentId: r.departmentId,
    status: r.status,
    pseudonym: r.pseudonym,
    createdAt: new Date(r.createdAt).toISOString(),
    cosignCount: r.cosignCount,
    answerDueAt: r.answerDueAt === null ? null : new Date(r.answerDueAt).toISOString(),
    overdue: answerOverdue(r, now) || lateIds.has(r.id),
  }));
}
