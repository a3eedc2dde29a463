import { and, desc, eq, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import {
  appeals,
  departments,
  explainerAnswers,
  explainerQuestions,
  explainers,
  explainerVersions,
  staff,
} from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { prepared } from '../../platform/db/prepared.js';
import { AppError } from '../../platform/http/errors.js';
import { containsPattern, decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { explainerRow } from './explainers.service.js';
import { renderMarkdown } from './markdown.js';

const iso = (ms: number) => new Date(ms).toISOString();

function selectExplainers(db: Db) {
  return db
    .select({ explainer: explainers, departmentName: departments.nameZh })
    .from(explainers)
    .innerJoin(departments, eq(departments.id, explainers.departmentId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectExplainers>['where']>>[number];

function summaryOf({ explainer: e, departmentName }: Selected) {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    departmentId: e.departmentId,
    departmentName,
    categoryIds: e.categoryIds,
    effectiveOn: e.effectiveOn,
    version: e.version,
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  };
}

export interface ExplainerQuery {
  q?: string;
  departmentId?: number;
  categoryId?: number;
  cursor?: string;
  limit: number;
}

/**
 * Explainers, most recently updated first; by department, category or words (substring match over the
 * current title, summary and body: explainers are few, a scan is cheap).
 */
export async function listExplainers(db: Db, query: ExplainerQuery) {
  const like = query.q ? containsPattern(query.q) : undefined;
  const conditions: (SQL | undefined)[] = [
    query.departmentId ? eq(explainers.departmentId, query.departmentId) : undefined,
    query.categoryId
      ? sql`EXISTS (SELECT 1 FROM json_each(${explainers.categoryIds}) WHERE value = ${query.categoryId})`
      : undefined,
    like
      ? or(
          sql`${explainers.title} LIKE ${like} ESCAPE '\\'`,
          sql`${explainers.summary} LIKE ${like} ESCAPE '\\'`,
          sql`${explainers.body} LIKE ${like} ESCAPE '\\'`,
        )
      : undefined,
  ];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [number, number];
    conditions.push(
      or(lt(explainers.updatedAt, at), and(eq(explainers.updatedAt, at), lt(explainers.id, id))),
    );
  }
  const rows = await selectExplainers(db)
    .where(and(...conditions))
    .orderBy(desc(explainers.updatedAt), desc(explainers.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.explainer.updatedAt, r.explainer.id]);
  return { ...page, items: page.items.map(summaryOf) };
}

function selectVersions(db: Db) {
  return db
    .select({ v: explainerVersions, editorName: staff.displayName, editorRole: staff.role })
    .from(explainerVersions)
    .innerJoin(staff, eq(staff.id, explainerVersions.editedBy));
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof selectVersions>['where']>>[number];

const versionOf = ({ v, editorName, editorRole }: VersionRow) => ({
  id: v.id,
  explainerId: v.explainerId,
  version: v.version,
  title: v.title,
  summary: v.summary,
  body: v.body,
  effectiveOn: v.effectiveOn,
  categoryIds: v.categoryIds,
  note: v.note,
  editedBy: { displayName: editorName, role: editorRole },
  createdAt: iso(v.createdAt),
});

/** One version as published; its committed fields (title, summary, body) are what the log verifier hashes. */
export async function getVersion(db: Db, versionId: number) {
  const [row] = await selectVersions(db).where(eq(explainerVersions.id, versionId));
  if (!row) throw new AppError('NOT_FOUND');
  const version = versionOf(row);
  return { ...version, bodyHtml: renderMarkdown(version.body) };
}

/** Public appeals linked through `table`, oldest first. */
async function linkedAppeals(
  db: Db,
  links: typeof explainerQuestions | typeof explainerAnswers,
  explainerId: number,
  now: number,
) {
  const table = links as typeof explainerQuestions;
  return db
    .select({ id: appeals.id, title: appeals.title, status: appeals.status })
    .from(table)
    .innerJoin(appeals, eq(appeals.id, table.appealId))
    .where(and(eq(table.explainerId, explainerId), lte(appeals.publishAt, now)))
    .orderBy(appeals.id);
}

/** An explainer with its rendered body, every version (newest first), its questions and answered appeals. */
export async function getExplainer(db: Db, id: number, now: number) {
  await explainerRow(db, id);
  const [[row], versions, questions, answers] = await Promise.all([
    selectExplainers(db).where(eq(explainers.id, id)),
    selectVersions(db).where(eq(explainerVersions.explainerId, id)).orderBy(desc(explainerVersions.version)),
    linkedAppeals(db, explainerQuestions, id, now),
    linkedAppeals(db, explainerAnswers, id, now),
  ]);
  return {
    ...summaryOf(row!),
    body: row!.explainer.body,
    bodyHtml: renderMarkdown(row!.explainer.body),
    versions: versions.map((v) => {
      const { body: _b, ...rest } = versionOf(v);
      return rest;
    }),
    questions,
    answers,
  };
}

export type ExplainerView = Awaited<ReturnType<typeof getExplainer>>;
export type ExplainerSummaryView = ReturnType<typeof summaryOf>;

/** For an appeal's detail: the explainers that answer it (现实热点面对面) or under which it was asked. */
export async function explainersForAppeal(db: Db, appealId: number) {
  const [answeredBy, askedUnder] = await Promise.all([
    prepared(db, answeringExplainers).all({ appealId }),
    prepared(db, explainersAskedUnder).all({ appealId }),
  ]);
  return { answeredBy, askedUnder };
}

const linkedExplainers = (db: Db, t: typeof explainerAnswers | typeof explainerQuestions) =>
  db
    .select({ id: explainers.id, title: explainers.title })
    .from(t)
    .innerJoin(explainers, eq(explainers.id, t.explainerId))
    .where(eq(t.appealId, sql.placeholder('appealId')))
    .orderBy(explainers.id)
    .prepare();
const answeringExplainers = (db: Db) => linkedExplainers(db, explainerAnswers);
const explainersAskedUnder = (db: Db) => linkedExplainers(db, explainerQuestions);
