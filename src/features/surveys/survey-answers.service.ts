import { and, eq } from 'drizzle-orm';
import {
  departments,
  type SurveyAnswer,
  type SurveyQuestion,
  surveyBallots,
  surveyNonces,
  surveyResponses,
} from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { randomRowId } from '../../platform/db/random-id.js';
import { AppError } from '../../platform/http/errors.js';
import { oncePerWorker, type Spend, type TokenScope } from '../tokens/index.js';
import { type SurveyKeyRow, type SurveyRow, statusOf, surveyLabel } from './surveys.service.js';

/**
 * The survey as a token scope: its own key and challenge, and a budget of exactly one token per worker,
 * kept as HMAC(survey's ballot salt, worker) — a salt that is erased when the survey closes.
 */
export function surveyScope(db: Db, survey: SurveyRow, key: SurveyKeyRow): TokenScope {
  return oncePerWorker({
    label: surveyLabel(survey.id),
    key,
    ballotSalt: key.ballotSalt,
    purpose: 'survey-ballot',
    ended: 'SURVEY_CLOSED',
    issued: 'SURVEY_TOKEN_ISSUED',
    async take(keyHash) {
      const taken = await db
        .insert(surveyBallots)
        .values({ id: randomRowId(), surveyId: survey.id, keyHash })
        .onConflictDoNothing({ target: [surveyBallots.surveyId, surveyBallots.keyHash] })
        .returning({ id: surveyBallots.id });
      return taken.length > 0;
    },
    async drop(keyHash) {
      await db
        .delete(surveyBallots)
        .where(and(eq(surveyBallots.surveyId, survey.id), eq(surveyBallots.keyHash, keyHash)));
    },
  });
}

/** Checks each answer against its question; returns what is stored (empty text becomes null). */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: readonly SurveyAnswer[]) {
  if (answers.length !== questions.length) throw new AppError('SURVEY_ANSWERS_INVALID', { reason: 'count' });
  return questions.map((q, i): SurveyAnswer => {
    const a = answers[i] ?? null;
    const fail = () => new AppError('SURVEY_ANSWERS_INVALID', { question: i, kind: q.kind });
    const isOption = (v: unknown) =>
      Number.isInteger(v) && (v as number) >= 0 && (v as number) < q.options!.length;
    switch (q.kind) {
      case 'single':
        if (!isOption(a)) throw fail();
        return a;
      case 'multiple':
        if (!Array.isArray(a) || a.length === 0 || !a.every(isOption) || new Set(a).size !== a.length)
          throw fail();
        return [...a].sort((x, y) => x - y);
      case 'scale':
        if (!Number.isInteger(a) || (a as number) < q.min! || (a as number) > q.max!) throw fail();
        return a;
      case 'text':
        if (a !== null && typeof a !== 'string') throw fail();
        return a === null || a.trim() === '' ? null : a;
      default:
        throw fail();
    }
  });
}

/**
 * Stores one answer set, paid for by this survey's token: the nonce and the answers land in one batch,
 * so a token spent twice (even concurrently) fails as a whole → 409.
 */
export async function submitResponse(
  db: Db,
  survey: SurveyRow,
  spend: Spend,
  input: { departmentId: number | null; answers: SurveyAnswer[] },
  now: number,
) {
  if (statusOf(survey, now) !== 'open') throw new AppError('SURVEY_NOT_OPEN');
  const answers = checkAnswers(survey.questions, input.answers);
  if (input.departmentId !== null) {
    const [dept] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, input.departmentId));
    if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
  }
  try {
    await db.batch([
      db.insert(surveyNonces).values({ surveyId: survey.id, nonce: spend.nonce }),
      db
        .insert(surveyResponses)
        .values({ id: randomRowId(), surveyId: survey.id, departmentId: input.departmentId, answers }),
    ]);
  } catch (e) {
    const text = String((e as Error)?.message) + String((e as { cause?: Error })?.cause?.message);
    if (/survey_nonces/.test(text)) throw new AppError('TOKEN_ALREADY_SPENT');
    throw e;
  }
}
