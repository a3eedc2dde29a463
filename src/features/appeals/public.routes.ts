import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, privateToken, router } from '../../platform/http/openapi.js';
import { Appeal, AppealIdParam, CreateAppealBody, CreatedAppeal } from './appeals.schemas.js';
import { createAppeal } from './appeals.service.js';
import { cosign } from './cosign.service.js';
import { getAppeal } from './detail.service.js';
import { listAppeals } from './list.service.js';
import { viewed } from './page-views.js';
import { AppealPage, Cosigned, ListQuery, Stats, StatsQuery } from './public.schemas.js';
import { statistics } from './stats.service.js';

const create = createRoute({
  method: 'post',
  path: '/api/v1/appeals',
  tags: ['appeals'],
  summary: 'Post an appeal (spends one anonymous token)',
  security: privateToken,
  request: { body: jsonBody(CreateAppealBody) },
  responses: {
    201: jsonContent(CreatedAppeal, 'Stored. The receipt is shown only now.'),
    ...errorResponses(401, 409, 413, 415, 422),
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/appeals',
  tags: ['appeals'],
  summary: 'Public list: filters, sorts, full-text search, cursor pagination',
  request: { query: ListQuery },
  responses: { 200: jsonContent(AppealPage, 'One page of appeals'), ...errorResponses(400, 422) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/appeals/{id}',
  tags: ['appeals'],
  request: { params: AppealIdParam },
  responses: {
    200: jsonContent(Appeal, 'The appeal, its answers and commitments, its deadline and public timeline'),
    ...errorResponses(404),
  },
});

const cosignRoute = createRoute({
  method: 'post',
  path: '/api/v1/appeals/{id}/cosigns',
  tags: ['appeals'],
  summary: '"Me too": co-sign an appeal (spends one anonymous token)',
  security: privateToken,
  request: { params: AppealIdParam },
  responses: { 201: jsonContent(Cosigned, 'Counted'), ...errorResponses(401, 404, 409) },
});

const stats = createRoute({
  method: 'get',
  path: '/api/v1/stats',
  tags: ['statistics'],
  summary: 'Public statistics: overall, per department, per month',
  request: { query: StatsQuery },
  responses: { 200: jsonContent(Stats, 'Figures for the period'), ...errorResponses(422) },
});

export const publicRoutes = router()
  .openapi(create, async (c) => {
    const input = c.req.valid('json');
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    const { db, config, secrets, tokens } = c.var;
    const created = await createAppeal({ db, config, secrets, tokens, now: c.var.clock.now() }, spend, input);
    return c.json({ ...created, publishAt: new Date(created.publishAt).toISOString() }, 201);
  })
  .openapi(list, async (c) => {
    const page = await listAppeals(c.var.db, c.req.valid('query'), c.var.clock.now());
    await viewed(c, 'appeals');
    return c.json(page, 200);
  })
  .openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const appeal = await getAppeal(c.var.db, id, c.var.clock.now());
    await viewed(c, `appeal:${id}`, id);
    return c.json(appeal, 200);
  })
  .openapi(cosignRoute, async (c) => {
    const { id } = c.req.valid('param');
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    const result = await cosign({ db: c.var.db, tokens: c.var.tokens, now: c.var.clock.now() }, spend, id);
    return c.json(result, 201);
  })
  .openapi(stats, async (c) => {
    const figures = await statistics(c.var.db, c.req.valid('query'), c.var.clock.now());
    await viewed(c, 'stats');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(figures, 200);
  });
