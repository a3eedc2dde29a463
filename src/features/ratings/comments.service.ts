import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { ratingComments, ratingReplies, ratings, staff } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { containsPattern, decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { isUniqueViolation } from '../appeals/appeal-state.js';
import { logStatements, sealLog, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';
import { mayActFor } from '../surveys/surveys.service.js';
import { COMMENT_ITEM, K, ratingsOf } from './ratings.service.js';

/** True once the department's period has K ratings: only then are its comments public. */
async function commentsOpen(db: Db, departmentId: number, period: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(ratings)
    .where(ratingsOf(departmentId, period));
  return Number(row?.n ?? 0) >= K;
}

const commentColumns = {
  id: ratingComments.id,
  departmentId: ratingComments.departmentId,
  period: ratingComments.period,
  body: ratingComments.body,
  replyBody: ratingReplies.body,
  replyAt: ratingReplies.createdAt,
  repliedBy: staff.displayName,
};

type CommentRow = { [K in keyof typeof commentColumns]: (typeof commentColumns)[K]['_']['data'] | null };

function commentView(r: CommentRow) {
  return {
    id: r.id!,
    departmentId: r.departmentId!,
    period: r.period!,
    body: r.body!,
    reply:
      r.replyBody === null
        ? null
        : { body: r.replyBody, by: r.repliedBy!, at: new Date(r.replyAt!).toISOString() },
  };
}

const withReplies = (db: Db) =>
  db
    .select(commentColumns)
    .from(ratingComments)
    .leftJoin(ratingReplies, eq(ratingReplies.commentId, ratingComments.id))
    .leftJoin(staff, eq(staff.id, ratingReplies.staffId));

export interface CommentQuery {
  cursor?: string;
  limit: number;
  q?: string;
}

/**
 * A department's comments of a period with their answers, in random-id order (not the order written);
 * empty with `shown: false` while the period has fewer than K ratings.
 */
export async function listComments(db: Db, departmentId: number, period: string, query: CommentQuery) {
  // a malformed cursor is refused whether or not the comments are shown
  const after = query.cursor ? decodeCursor(query.cursor, 1)[0]! : 0;
  if (!(await commentsOpen(db, departmentId, period))) return { shown: false, items: [], nextCursor: null };
  const rows = await withReplies(db)
    .where(
      and(
        eq(ratingComments.departmentId, departmentId),
        eq(ratingComments.period, period),
        gt(ratingComments.id, after),
        query.q ? sql`${ratingComments.body} LIKE ${containsPattern(query.q)} ESCAPE '\\'` : undefined,
      ),
    )
    .orderBy(asc(ratingComments.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.id]);
  return { shown: true, items: page.items.map(commentView), nextCursor: page.nextCursor };
}

/** One public comment (the URL its text commitment names), or 404 while its period is under K. */
export async function getComment(db: Db, id: number) {
  const [row] = await withReplies(db).where(eq(ratingComments.id, id));
  if (!row || !(await commentsOpen(db, row.departmentId, row.period)))
    throw new AppError('RATING_COMMENT_NOT_FOUND');
  return commentView(row);
}

/** A responder's public answer to a comment about their department, under their name and on the log. */
export async function replyToComment(
  db: Db,
  actor: StaffActor,
  commentId: number,
  body: string,
  now: number,
) {
  const comment = await getComment(db, commentId);
  if (!mayActFor(actor, comment.departmentId)) throw new AppError('DEPARTMENT_FORBIDDEN');
  try {
    await db.batch([
      db.insert(ratingReplies).values({ commentId, body, staffId: actor.id, createdAt: now }),
      ...logStatements(db, {
        kind: 'rating.reply',
        item: { type: COMMENT_ITEM, id: commentId },
        actor: staffActor(actor),
        now,
        data: { departmentId: comment.departmentId, period: comment.period, body },
      }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e, 'rating_replies')) throw new AppError('RATING_REPLY_EXISTS');
    throw e;
  }
  await sealLog(db);
  return getComment(db, commentId);
}
