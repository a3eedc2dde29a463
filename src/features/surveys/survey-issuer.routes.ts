import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../../platform/http/errors.js';
import { router } from '../../platform/http/openapi.js';
import { issueScopedToken, requireSingleTokenRequest, scopedIssuerOpenApi } from '../tokens/index.js';
import { surveyScope } from './survey-answers.service.js';
import { SurveyIdParam } from './surveys.schemas.js';
import { finaliseIfClosed, findSurvey } from './surveys.service.js';

/*
 * A path of its own rather than the shared /token-request: the request names its key only by the last
 * byte of the key id, and with one key per survey those bytes collide; the path names the survey, which
 * the budget needs anyway. It sits outside /api because its bodies are not JSON.
 */
const issue = createRoute({
  method: 'post',
  path: '/token-request/surveys/{id}',
  tags: ['surveys', 'tokens'],
  summary: "Issue this survey's one token (RFC 9578, Bearer enrollment code or ID token)",
  request: { params: SurveyIdParam, body: scopedIssuerOpenApi.body },
  responses: scopedIssuerOpenApi.responses,
});

export const surveyIssuerRoutes = router().openapi(issue, async (c) => {
  requireSingleTokenRequest(c);
  const { db, clock } = c.var;
  const id = c.req.valid('param').id;
  await finaliseIfClosed(db, id, clock.now());
  const { survey, key } = await findSurvey(db, id);
  if (!key || survey.publishedAt === null) throw new AppError('SURVEY_NOT_FOUND');
  if (survey.closesAt <= clock.now()) throw new AppError('SURVEY_CLOSED');
  return issueScopedToken(c, surveyScope(db, survey, key));
});
