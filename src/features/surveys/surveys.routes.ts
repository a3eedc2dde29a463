import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError, prefersEnglish } from '../../platform/http/errors.js';
import { errorResponses, jsonBody, jsonContent, privateToken, router } from '../../platform/http/openapi.js';
import { checkAnswers, submitResponse, surveyScope } from './survey-answers.service.js';
import { surveyCsv } from './survey-csv.js';
import { departmentNames, surveyResults } from './survey-results.service.js';
import { surveyView } from './survey-view.js';
import {
  Accepted,
  AnswerBody,
  Survey,
  SurveyIdParam,
  SurveyListQuery,
  SurveyPage,
  SurveyResultsSchema,
} from './surveys.schemas.js';
import { finaliseIfClosed, findSurvey, listSurveys, statusOf } from './surveys.service.js';

const list = createRoute({
  method: 'get',
  path: '/api/v1/surveys',
  tags: ['surveys'],
  summary: 'Published surveys, newest first; search by words in title or description',
  request: { query: SurveyListQuery },
  responses: { 200: jsonContent(SurveyPage, 'A page of surveys'), ...errorResponses(400, 422) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/surveys/{id}',
  tags: ['surveys'],
  request: { params: SurveyIdParam },
  responses: { 200: jsonContent(Survey, 'The survey and its token key'), ...errorResponses(404) },
});

const answer = createRoute({
  method: 'post',
  path: '/api/v1/surveys/{id}/responses',
  tags: ['surveys'],
  summary: "Answer a survey (spends this survey's own token: one answer per worker)",
  security: privateToken,
  request: { params: SurveyIdParam, body: jsonBody(AnswerBody) },
  responses: {
    201: jsonContent(Accepted, 'Stored, with no time and nothing that links it to you'),
    ...errorResponses(401, 404, 409, 413, 415, 422),
  },
});

const results = createRoute({
  method: 'get',
  path: '/api/v1/surveys/{id}/results',
  tags: ['surveys'],
  summary: 'Results: after the close, or live (refreshed every k answers) if the author chose so',
  request: { params: SurveyIdParam },
  responses: { 200: jsonContent(SurveyResultsSchema, 'k-protected results'), ...errorResponses(403, 404) },
});

const csv = createRoute({
  method: 'get',
  path: '/api/v1/surveys/{id}/results.csv',
  tags: ['surveys'],
  summary: 'The same results as CSV (aggregates only, never one row per response)',
  request: { params: SurveyIdParam },
  responses: {
    200: { description: 'CSV, UTF-8 with BOM', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(403, 404),
  },
});

/** A published survey, finalised first if its closing time has passed. */
async function publishedSurvey(c: Context<AppEnv>, id: number) {
  const now = c.var.clock.now();
  await finaliseIfClosed(c.var.db, id, now);
  const found = await findSurvey(c.var.db, id);
  if (!found.key || found.survey.publishedAt === null) throw new AppError('SURVEY_NOT_FOUND');
  return { survey: found.survey, key: found.key, now };
}

export const surveyPublicRoutes = router()
  .openapi(list, async (c) => {
    const page = await listSurveys(c.var.db, c.req.valid('query'), c.var.clock.now());
    return c.json({ ...page, items: page.items.map((s) => surveyView(c, s.survey, s.key)) }, 200);
  })
  .openapi(get, async (c) => {
    const { survey, key } = await publishedSurvey(c, c.req.valid('param').id);
    return c.json(surveyView(c, survey, key), 200);
  })
  .openapi(answer, async (c) => {
    const input = c.req.valid('json');
    const { survey, key, now } = await publishedSurvey(c, c.req.valid('param').id);
    const status = statusOf(survey, now);
    if (status === 'closed') throw new AppError('SURVEY_CLOSED');
    if (status !== 'open') throw new AppError('SURVEY_NOT_OPEN');
    checkAnswers(survey.questions, input.answers);
    const scope = c.var.tokens.scoped(surveyScope(c.var.db, survey, key));
    const spend = await scope.redeem(c.req.header('authorization'));
    await submitResponse(c.var.db, survey, spend, input, now);
    return c.json({ ok: true as const }, 201);
  })
  .openapi(results, async (c) => {
    const { survey, now } = await publishedSurvey(c, c.req.valid('param').id);
    return c.json(await surveyResults(c.var.db, survey, now), 200);
  })
  .openapi(csv, async (c) => {
    const { survey, now } = await publishedSurvey(c, c.req.valid('param').id);
    const data = await surveyResults(c.var.db, survey, now);
    const names = await departmentNames(c.var.db, prefersEnglish(c.req.header('accept-language')));
    return c.body(surveyCsv(data, names), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="survey-${survey.id}-results.csv"`,
    });
  });
