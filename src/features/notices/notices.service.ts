import { and, desc, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import {
  appeals,
  departments,
  type NoticeAttachment,
  noticeAppeals,
  notices,
  staff,
} from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { containsPattern, decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { logStatements, sealLog, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';

export interface NewNotice {
  title: string;
  body: string;
  departmentId: number;
  decidedOn: string;
  attachments: NoticeAttachment[];
  appealIds: number[];
}

/**
 * Publishes a notice under the staff member's name. Responders publish only for their own departments.
 * Linked appeals must be public already, so a link never reveals an appeal before its publication.
 */
export async function publishNotice(db: Db, actor: StaffActor, input: NewNotice, now: number) {
  if (actor.role === 'responder' && !actor.departmentIds.includes(input.departmentId))
    throw new AppError('DEPARTMENT_FORBIDDEN');
  const [dept] = await db.select().from(departments).where(eq(departments.id, input.departmentId));
  if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
  const appealIds = [...new Set(input.appealIds)];
  if (appealIds.length > 0) {
    const found = await db
      .select({ id: appeals.id })
      .from(appeals)
      .where(and(inArray(appeals.id, appealIds), lte(appeals.publishAt, now)));
    if (found.length !== appealIds.length) throw new AppError('NOTICE_APPEAL_NOT_FOUND');
  }
  const [inserted] = await db.batch([
    db
      .insert(notices)
      .values({
        title: input.title,
        body: input.body,
        departmentId: input.departmentId,
        decidedOn: input.decidedOn,
        attachments: input.attachments,
        publishedBy: actor.id,
        publishedAt: now,
      })
      .returning({ id: notices.id }),
    ...appealIds.map((appealId) =>
      db.insert(noticeAppeals).values({ noticeId: sql`(SELECT max(id) FROM notices)`, appealId }),
    ),
    ...logStatements(db, {
      kind: 'notice.publish',
      item: { type: 'notice', id: sql`(SELECT max(id) FROM notices)` },
      actor: staffActor(actor),
      now,
      data: { title: input.title, departmentId: input.departmentId, appealIds },
    }),
  ]);
  await sealLog(db);
  return getNotice(db, inserted[0]!.id);
}

function selectNotices(db: Db) {
  return db
    .select({
      notice: notices,
      departmentName: departments.nameZh,
      publisherName: staff.displayName,
      publisherRole: staff.role,
    })
    .from(notices)
    .innerJoin(departments, eq(departments.id, notices.departmentId))
    .innerJoin(staff, eq(staff.id, notices.publishedBy));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectNotices>['where']>>[number];

async function withLinks(db: Db, rows: Selected[]) {
  const ids = rows.map((r) => r.notice.id);
  const links = ids.length
    ? await db.select().from(noticeAppeals).where(inArray(noticeAppeals.noticeId, ids))
    : [];
  return rows.map(({ notice, departmentName, publisherName, publisherRole }) => ({
    ...notice,
    departmentName,
    appealIds: links
      .filter((l) => l.noticeId === notice.id)
      .map((l) => l.appealId)
      .sort((a, b) => a - b),
    publishedAt: new Date(notice.publishedAt).toISOString(),
    publishedBy: { displayName: publisherName, role: publisherRole },
  }));
}

export type NoticeView = Awaited<ReturnType<typeof withLinks>>[number];

export async function getNotice(db: Db, id: number): Promise<NoticeView> {
  const rows = await selectNotices(db).where(eq(notices.id, id));
  const [notice] = await withLinks(db, rows);
  if (!notice) throw new AppError('NOTICE_NOT_FOUND');
  return notice;
}

export interface NoticeQuery {
  q?: string;
  departmentId?: number;
  appealId?: number;
  cursor?: string;
  limit: number;
}

/** Notices, newest first; by department, by answered appeal, or by words (substring match). */
export async function listNotices(db: Db, query: NoticeQuery) {
  const conditions: (SQL | undefined)[] = [
    query.departmentId ? eq(notices.departmentId, query.departmentId) : undefined,
    query.appealId
      ? sql`EXISTS (SELECT 1 FROM notice_appeals l WHERE l.notice_id = notices.id AND l.appeal_id = ${query.appealId})`
      : undefined,
    query.q
      ? or(
          sql`${notices.title} LIKE ${containsPattern(query.q)} ESCAPE '\\'`,
          sql`${notices.body} LIKE ${containsPattern(query.q)} ESCAPE '\\'`,
        )
      : undefined,
  ];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [number, number];
    conditions.push(or(lt(notices.publishedAt, at), and(eq(notices.publishedAt, at), lt(notices.id, id))));
  }
  const rows = await selectNotices(db)
    .where(and(...conditions))
    .orderBy(desc(notices.publishedAt), desc(notices.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.notice.publishedAt, r.notice.id]);
  return { ...page, items: await withLinks(db, page.items) };
}

/** For the appeals timeline: the notices that say they answer this appeal. */
export async function noticesForAppeal(db: Db, appealId: number) {
  return (await listNotices(db, { appealId, limit: 50 })).items;
}

export async function departmentBySlug(db: Db, slug: string) {
  const [dept] = await db.select().from(departments).where(eq(departments.slug, slug));
  if (!dept) throw new AppError('NOT_FOUND');
  return dept;
}
