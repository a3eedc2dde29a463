import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, privateToken, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { issueScopedToken, requireSingleTokenRequest, scopedIssuerOpenApi } from '../tokens/index.js';
import { getComment, listComments, replyToComment } from './comments.service.js';
import { lastEndedPeriod } from './periods.js';
import { ratingCard } from './rating-card.js';
import { currentRatingKey, ratedDepartment, ratingScope } from './rating-scope.service.js';
import {
  Accepted,
  Comment,
  CommentIdParam,
  CommentPage,
  CommentQuery,
  DepartmentIdParam,
  League,
  PeriodQuery,
  RateBody,
  ReplyBody,
  Scorecard,
} from './ratings.schemas.js';
import { checkPeriod, submitRating } from './ratings.service.js';
import { leagueTable } from './scorecard.service.js';

const tags = ['ratings'];

const league = createRoute({
  method: 'get',
  path: '/api/v1/ratings',
  tags,
  summary:
    'League table of departments for a period, by smoothed score; nothing under k ratings, no scores before the period ends',
  request: { query: PeriodQuery },
  responses: { 200: jsonContent(League, 'Every department, ranked'), ...errorResponses(422) },
});

const card = createRoute({
  method: 'get',
  path: '/api/v1/departments/{id}/scorecard',
  tags,
  summary:
    "A department's scorecard: ratings (k ≥ 5, counts beside means, once the period has ended) and measured appeal facts",
  request: { params: DepartmentIdParam, query: PeriodQuery },
  responses: { 200: jsonContent(Scorecard, 'The scorecard'), ...errorResponses(404, 422) },
});

const rate = createRoute({
  method: 'post',
  path: '/api/v1/departments/{id}/ratings',
  tags,
  summary: 'Rate a department for the current period (spends its own token: one rating per worker)',
  security: privateToken,
  request: { params: DepartmentIdParam, body: jsonBody(RateBody) },
  responses: {
    201: jsonContent(Accepted, 'Stored, with no time and nothing that links it to you'),
    ...errorResponses(401, 404, 409, 413, 415, 422),
  },
});

const comments = createRoute({
  method: 'get',
  path: '/api/v1/departments/{id}/rating-comments',
  tags,
  summary: "The period's comments with the department's answers; empty until the period has k ratings",
  request: { params: DepartmentIdParam, query: CommentQuery },
  responses: { 200: jsonContent(CommentPage, 'A page of comments'), ...errorResponses(400, 404, 422) },
});

const comment = createRoute({
  method: 'get',
  path: '/api/v1/ratings/comments/{id}',
  tags,
  summary: 'One public comment (the text its commitment on the log covers)',
  request: { params: CommentIdParam },
  responses: { 200: jsonContent(Comment, 'The comment'), ...errorResponses(404, 422) },
});

const reply = createRoute({
  method: 'post',
  path: '/api/v1/staff/ratings/comments/{id}/reply',
  tags: ['ratings', 'staff'],
  summary: 'Answer a comment publicly, under your name; responders for their own departments',
  middleware: [requireStaff('responder', 'admin')] as const,
  request: { params: CommentIdParam, body: jsonBody(ReplyBody) },
  responses: { 201: jsonContent(Comment, 'Answered'), ...errorResponses(401, 403, 404, 409, 422) },
});

// outside /api: Privacy Pass media types; the path names the department, whose key and budget it uses
const issue = createRoute({
  method: 'post',
  path: '/token-request/ratings/{id}',
  tags: ['ratings', 'tokens'],
  summary:
    "Issue this department's one rating token of the current period (Bearer enrollment code or ID token)",
  request: { params: DepartmentIdParam, body: scopedIssuerOpenApi.body },
  responses: scopedIssuerOpenApi.responses,
});

/** Department evaluation (部门评价): league, scorecards, rating with a scoped token, comments and answers. */
export const ratingsRoutes = router()
  .openapi(league, async (c) => {
    const now = c.var.clock.now();
    return c.json(await leagueTable(c.var.db, c.req.valid('query').period ?? lastEndedPeriod(now), now), 200);
  })
  .openapi(card, async (c) => {
    const dept = await ratedDepartment(c.var.db, c.req.valid('param').id);
    return c.json(await ratingCard(c, dept, c.req.valid('query').period), 200);
  })
  .openapi(rate, async (c) => {
    const { db, clock } = c.var;
    const input = c.req.valid('json');
    const now = clock.now();
    const dept = await ratedDepartment(db, c.req.valid('param').id);
    checkPeriod(input.period, now);
    const key = await currentRatingKey(db, dept.id, now);
    const spend = await c.var.tokens.scoped(ratingScope(db, key)).redeem(c.req.header('authorization'));
    await submitRating(db, key, spend, input, now);
    return c.json({ ok: true as const }, 201);
  })
  .openapi(comments, async (c) => {
    const dept = await ratedDepartment(c.var.db, c.req.valid('param').id);
    const { period, ...page } = c.req.valid('query');
    const list = await listComments(c.var.db, dept.id, period ?? lastEndedPeriod(c.var.clock.now()), page);
    return c.json(list, 200);
  })
  .openapi(comment, async (c) => c.json(await getComment(c.var.db, c.req.valid('param').id), 200))
  .openapi(reply, async (c) => {
    const { id } = c.req.valid('param');
    const answered = await replyToComment(
      c.var.db,
      currentStaff(c),
      id,
      c.req.valid('json').body.trim(),
      c.var.clock.now(),
    );
    return c.json(answered, 201);
  })
  .openapi(issue, async (c) => {
    requireSingleTokenRequest(c);
    const { db, clock } = c.var;
    const dept = await ratedDepartment(db, c.req.valid('param').id);
    const key = await currentRatingKey(db, dept.id, clock.now());
    return issueScopedToken(c, ratingScope(db, key));
  });
