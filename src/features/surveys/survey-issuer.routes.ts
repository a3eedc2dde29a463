import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses, router } from '../../platform/http/openapi.js';
import { surveyScope } from './survey-answers.service.js';
import { SurveyIdParam } from './surveys.schemas.js';
import { finaliseIfClosed, findSurvey } from './surveys.service.js';

// RFC 9578 media types; a survey token is one unbatched request (the budget is one)
const REQUEST_TYPE = 'application/private-token-request';
const RESPONSE_TYPE = 'application/private-token-response';
const binary = z.string().openapi({ format: 'binary' });

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
  request: {
    params: SurveyIdParam,
    body: { required: true, content: { [REQUEST_TYPE]: { schema: binary } } },
  },
  responses: {
    200: { description: 'The blind signature', content: { [RESPONSE_TYPE]: { schema: binary } } },
    ...errorResponses(400, 401, 404, 409, 415, 429),
  },
});

export const surveyIssuerRoutes = router().openapi(issue, async (c) => {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== REQUEST_TYPE) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const { db, clock } = c.var;
  const id = c.req.valid('param').id;
  await finaliseIfClosed(db, id, clock.now());
  const { survey, key } = await findSurvey(db, id);
  if (!key || survey.publishedAt === null) throw new AppError('SURVEY_NOT_FOUND');
  if (survey.closesAt <= clock.now()) throw new AppError('SURVEY_CLOSED');
  const body = new Uint8Array(await c.req.arrayBuffer());
  const signed = await c.var.tokens.scoped(surveyScope(db, survey, key)).issue(c, type, body);
  return c.body(signed as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': RESPONSE_TYPE });
});
