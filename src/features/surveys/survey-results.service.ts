import { count, eq } from 'drizzle-orm';
import { departments, surveyResponses, surveySnapshots } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { computeResults, type SurveyResults } from './survey-results.js';
import { type SurveyRow, statusOf } from './surveys.service.js';

async function responsesOf(db: Db, surveyId: number) {
  return db
    .select({ departmentId: surveyResponses.departmentId, answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
}

/**
 * The results a reader may see: final ones after the close; while open only if the author chose live
 * results, and then a snapshot refreshed only once k more people have answered, so that no two readings
 * differ by fewer than k responses.
 */
export async function surveyResults(db: Db, survey: SurveyRow, now: number): Promise<SurveyResults> {
  const status = statusOf(survey, now);
  const k = survey.kThreshold;
  if (status === 'draft') throw new AppError('SURVEY_NOT_FOUND');
  if (status === 'closed') return computeResults(survey.questions, await responsesOf(db, survey.id), k, true);
  if (!survey.liveResults) throw new AppError('SURVEY_RESULTS_HIDDEN');
  const [snapshot] = await db.select().from(surveySnapshots).where(eq(surveySnapshots.surveyId, survey.id));
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, survey.id));
  if (n >= (snapshot?.responseCount ?? 0) + k) {
    const results = computeResults(survey.questions, await responsesOf(db, survey.id), k, false);
    await db
      .insert(surveySnapshots)
      .values({ surveyId: survey.id, responseCount: results.responseCount ?? 0, results })
      .onConflictDoUpdate({
        target: surveySnapshots.surveyId,
        set: { responseCount: results.responseCount ?? 0, results },
      });
    return results;
  }
  return (snapshot?.results as SurveyResults | undefined) ?? computeResults(survey.questions, [], k, false);
}

/** Department names for the CSV, in the reader's language. */
export async function departmentNames(db: Db, english: boolean) {
  const rows = await db.select().from(departments);
  const names = new Map(rows.map((d) => [d.id, english ? d.nameEn : d.nameZh]));
  return (id: number | null) =>
    id === null ? (english ? 'not stated' : '未说明') : (names.get(id) ?? String(id));
}
