import { and, eq, inArray, isNull, lte, notInArray } from 'drizzle-orm';
import {
  appeals,
  categories,
  forumReplies,
  forumThreads,
  moderationItems,
  surveyResponses,
  surveys,
} from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import type { AnalysisItem } from './analysis.js';

/**
 * Everything the analysis reads, as items: published visible appeals (their own ids), and — with ids of
 * their own below zero, so they never collide with an appeal's — forum threads and workers' replies, and
 * the free-text answers of closed surveys that reached their k. Survey answers carry no time of their own
 * (by design), only the survey's close: they join topics but not the burst series.
 * @example const items = await loadAnalysisItems(db, now)
 */
export async function loadAnalysisItems(db: Db, now: number): Promise<AnalysisItem[]> {
  const hidden = (type: string) =>
    db
      .select({ id: moderationItems.itemId })
      .from(moderationItems)
      .where(and(eq(moderationItems.itemType, type), eq(moderationItems.state, 'hidden')));
  const appealRows = await db
    .select({
      id: appeals.id,
      title: appeals.title,
      body: appeals.body,
      time: appeals.createdAt,
      categorySlug: categories.slug,
      departmentId: appeals.departmentId,
      cosigns: appeals.cosignCount,
    })
    .from(appeals)
    .innerJoin(categories, eq(categories.id, appeals.categoryId))
    .where(
      and(
        lte(appeals.publishAt, now),
        notInArray(appeals.status, ['submitted', 'withdrawn']),
        notInArray(appeals.id, hidden('appeal')),
      ),
    );
  const threads = await db
    .select()
    .from(forumThreads)
    .where(and(lte(forumThreads.publishAt, now), notInArray(forumThreads.id, hidden('forum-thread'))));
  // staff replies speak for a department: they are answers, not concerns
  const replies = await db
    .select()
    .from(forumReplies)
    .where(
      and(
        lte(forumReplies.publishAt, now),
        isNull(forumReplies.departmentId),
        notInArray(forumReplies.id, hidden('forum-reply')),
      ),
    );
  const others: Omit<AnalysisItem, 'id'>[] = [
    ...threads.map((t) => other('forum-thread', t.createdAt, `${t.title}。${t.body}`, t.agreeCount)),
    ...replies.map((r) => other('forum-reply', r.createdAt, r.body, r.agreeCount)),
    ...(await surveyComments(db, now)),
  ].sort((a, b) => a.time - b.time);
  return [
    ...appealRows.map((r) => ({ ...r, text: `${r.title}。${r.body}`, source: 'appeal' as const })),
    ...others.map((o, i) => ({ ...o, id: -(i + 1) })),
  ];
}

async function surveyComments(db: Db, now: number) {
  const closed = await db.select().from(surveys).where(lte(surveys.closesAt, now));
  const textual = closed.filter((s) => s.questions.some((q) => q.kind === 'text'));
  if (textual.length === 0) return [];
  const responses = await db
    .select()
    .from(surveyResponses)
    .where(
      inArray(
        surveyResponses.surveyId,
        textual.map((s) => s.id),
      ),
    );
  return textual.flatMap((s) => {
    const own = responses.filter((r) => r.surveyId === s.id);
    // below k the survey shows nothing, so its comments are not analysed either
    if (own.length < s.kThreshold) return [];
    return own.flatMap((r) =>
      r.answers
        .filter(
          (a, i): a is string => s.questions[i]?.kind === 'text' && typeof a === 'string' && a.trim() !== '',
        )
        .map((text) => ({ ...other('survey-comment', s.closesAt, text, 0), inBursts: false })),
    );
  });
}

function other(source: AnalysisItem['source'], time: number, text: string, cosigns: number) {
  return { source, time, text, cosigns, categorySlug: null, departmentId: null };
}
