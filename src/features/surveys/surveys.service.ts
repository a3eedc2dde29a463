import { and, desc, eq, gt, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import {
  departments,
  type SurveyQuestion,
  surveyBallots,
  surveyKeys,
  surveyNonces,
  surveySnapshots,
  surveys,
} from '../../../db/schema/index.js';
import { toBase64Url } from '../../platform/crypto/encoding.js';
import { randomBytes } from '../../platform/crypto/hash.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { containsPattern, decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { appendLog, logStatements, sealLog, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';
import { createScopedKey } from '../tokens/index.js';

export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyKeyRow = typeof surveyKeys.$inferSelect;
export type SurveyStatus = 'draft' | 'scheduled' | 'open' | 'closed';

export const surveyLabel = (id: number) => `survey:${id}`;

export function statusOf(s: SurveyRow, now: number): SurveyStatus {
  if (s.publishedAt === null) return 'draft';
  if (now >= s.closesAt) return 'closed';
  return now >= s.opensAt ? 'open' : 'scheduled';
}

/** Responders act only for their own departments; admins and analysts for any. */
export function mayActFor(actor: StaffActor, departmentId: number | null): boolean {
  if (actor.role !== 'responder') return true;
  return departmentId !== null && actor.departmentIds.includes(departmentId);
}

export interface NewSurvey {
  title: string;
  description: string;
  departmentId?: number;
  opensAt: string;
  closesAt: string;
  liveResults: boolean;
  k: number;
  questions: SurveyQuestion[];
}

/** A draft survey; nothing about it is public until it is published. */
export async function createSurvey(db: Db, actor: StaffActor, input: NewSurvey, now: number) {
  const departmentId = input.departmentId ?? null;
  if (!mayActFor(actor, departmentId)) throw new AppError('DEPARTMENT_FORBIDDEN');
  if (Date.parse(input.closesAt) <= now) throw new AppError('SURVEY_CLOSED');
  if (departmentId !== null) {
    const [dept] = await db.select().from(departments).where(eq(departments.id, departmentId));
    if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
  }
  const [row] = await db
    .insert(surveys)
    .values({
      title: input.title,
      description: input.description,
      departmentId,
      questions: input.questions,
      opensAt: Date.parse(input.opensAt),
      closesAt: Date.parse(input.closesAt),
      liveResults: input.liveResults,
      kThreshold: input.k,
      createdBy: actor.id,
      createdAt: now,
    })
    .returning();
  await appendLog(db, {
    kind: 'survey.create',
    item: { type: 'survey', id: row!.id },
    actor: staffActor(actor),
    now,
    data: { title: input.title, k: input.k, departmentId },
  });
  return row!;
}

export async function findSurvey(
  db: Db,
  id: number,
): Promise<{ survey: SurveyRow; key: SurveyKeyRow | null }> {
  const [row] = await db
    .select()
    .from(surveys)
    .leftJoin(surveyKeys, eq(surveyKeys.surveyId, surveys.id))
    .where(eq(surveys.id, id));
  if (!row) throw new AppError('SURVEY_NOT_FOUND');
  return { survey: row.surveys, key: row.survey_keys };
}

/**
 * Publishes a draft: freezes it and creates its own issuer key and ballot salt. Tokens can be fetched
 * from now on (ahead of opening, so fetching says nothing about answering); answers from `opensAt`.
 */
export async function publishSurvey(db: Db, secrets: Secrets, actor: StaffActor, id: number, now: number) {
  const { survey } = await findSurvey(db, id);
  if (!mayActFor(actor, survey.departmentId)) throw new AppError('DEPARTMENT_FORBIDDEN');
  if (survey.publishedAt !== null) throw new AppError('SURVEY_PUBLISHED');
  if (survey.closesAt <= now) throw new AppError('SURVEY_CLOSED');
  const key = await createScopedKey(secrets, surveyLabel(id));
  try {
    await db.batch([
      db.insert(surveyKeys).values({
        surveyId: id,
        ...key,
        ballotSalt: toBase64Url(randomBytes(32)),
        createdAt: now,
      }),
      db
        .update(surveys)
        .set({ publishedAt: now, publishedBy: actor.id })
        .where(and(eq(surveys.id, id), sql`${surveys.publishedAt} IS NULL`)),
      // the key id on the public log: every worker can check that they were shown the same survey key
      ...logStatements(db, {
        kind: 'survey.publish',
        item: { type: 'survey', id },
        actor: staffActor(actor),
        now,
        data: { keyId: key.keyId },
      }),
    ]);
    await sealLog(db);
  } catch (e) {
    // a concurrent publish inserted the key first
    if (/survey_keys/.test(String((e as Error)?.message) + String((e as { cause?: Error })?.cause?.message)))
      throw new AppError('SURVEY_PUBLISHED');
    throw e;
  }
  return findSurvey(db, id);
}

/** Ends a survey now (before its closing time) and erases what linked workers to tokens. */
export async function closeSurvey(db: Db, actor: StaffActor, id: number, now: number) {
  const { survey } = await findSurvey(db, id);
  if (!mayActFor(actor, survey.departmentId)) throw new AppError('DEPARTMENT_FORBIDDEN');
  if (survey.publishedAt === null) throw new AppError('SURVEY_NOT_OPEN');
  if (survey.closesAt <= now) throw new AppError('SURVEY_CLOSED');
  await db.batch([
    db.update(surveys).set({ closesAt: now, closedBy: actor.id }).where(eq(surveys.id, id)),
    ...logStatements(db, {
      kind: 'survey.close',
      item: { type: 'survey', id },
      actor: staffActor(actor),
      now,
    }),
  ]);
  await sealLog(db);
  await finaliseIfClosed(db, id, now);
  return findSurvey(db, id);
}

/**
 * After the close nothing may be issued or spent, so the private key, the ballot salt, the ballots and
 * the spent nonces go: even a full copy of the database and secrets then cannot tell who took part.
 * Runs on close and, lazily, on the first read after the closing time.
 */
export async function finaliseIfClosed(db: Db, id: number, now: number) {
  const [row] = await db
    .select({ closesAt: surveys.closesAt, sealed: surveyKeys.privateKeySealed })
    .from(surveys)
    .innerJoin(surveyKeys, eq(surveyKeys.surveyId, surveys.id))
    .where(eq(surveys.id, id));
  if (!row || row.closesAt > now || row.sealed === '') return;
  await db.batch([
    db.update(surveyKeys).set({ privateKeySealed: '', ballotSalt: '' }).where(eq(surveyKeys.surveyId, id)),
    db.delete(surveyBallots).where(eq(surveyBallots.surveyId, id)),
    db.delete(surveyNonces).where(eq(surveyNonces.surveyId, id)),
    db.delete(surveySnapshots).where(eq(surveySnapshots.surveyId, id)),
  ]);
}

/** For a timer or the CLI: finalises every survey whose closing time has passed. Returns how many. */
export async function finaliseClosedSurveys(db: Db, now: number): Promise<number> {
  const due = await db
    .select({ id: surveys.id })
    .from(surveys)
    .innerJoin(surveyKeys, eq(surveyKeys.surveyId, surveys.id))
    .where(and(lte(surveys.closesAt, now), sql`${surveyKeys.privateKeySealed} <> ''`));
  for (const { id } of due) await finaliseIfClosed(db, id, now);
  return due.length;
}

export interface SurveyListQuery {
  q?: string;
  status?: 'scheduled' | 'open' | 'closed';
  cursor?: string;
  limit: number;
}

/** Published surveys, newest first; `drafts` adds unpublished ones (staff list). */
export async function listSurveys(db: Db, query: SurveyListQuery, now: number, drafts = false) {
  const order = sql<number>`coalesce(${surveys.publishedAt}, ${surveys.createdAt})`;
  const conditions: (SQL | undefined)[] = [
    drafts ? undefined : isNotNull(surveys.publishedAt),
    query.q
      ? or(
          sql`${surveys.title} LIKE ${containsPattern(query.q)} ESCAPE '\\'`,
          sql`${surveys.description} LIKE ${containsPattern(query.q)} ESCAPE '\\'`,
        )
      : undefined,
    query.status === 'closed' ? lte(surveys.closesAt, now) : undefined,
    query.status === 'open' ? and(lte(surveys.opensAt, now), gt(surveys.closesAt, now)) : undefined,
    query.status === 'scheduled' ? gt(surveys.opensAt, now) : undefined,
  ];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [number, number];
    conditions.push(or(lt(order, at), and(eq(order, at), lt(surveys.id, id))));
  }
  const rows = await db
    .select()
    .from(surveys)
    .leftJoin(surveyKeys, eq(surveyKeys.surveyId, surveys.id))
    .where(and(...conditions))
    .orderBy(desc(order), desc(surveys.id))
    .limit(query.limit + 1);
  return pageOf(
    rows.map((r) => ({ survey: r.surveys, key: r.survey_keys })),
    query.limit,
    (r) => [r.survey.publishedAt ?? r.survey.createdAt, r.survey.id],
  );
}
