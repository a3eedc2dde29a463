import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, privateToken, router } from '../../platform/http/openapi.js';
import { Appeal, AppealIdParam, CreateAppealBody, CreatedAppeal } from './appeals.schemas.js';
import { createAppeal, getAppeal } from './appeals.service.js';

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

const get = createRoute({
  method: 'get',
  path: '/api/v1/appeals/{id}',
  tags: ['appeals'],
  request: { params: AppealIdParam },
  responses: { 200: jsonContent(Appeal, 'The appeal and its public timeline'), ...errorResponses(404) },
});

export const appealsRoutes = router()
  .openapi(create, async (c) => {
    const input = c.req.valid('json');
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    const created = await createAppeal(
      {
        db: c.var.db,
        config: c.var.config,
        secrets: c.var.secrets,
        tokens: c.var.tokens,
        now: c.var.clock.now(),
      },
      spend,
      input,
    );
    return c.json({ ...created, publishAt: new Date(created.publishAt).toISOString() }, 201);
  })
  .openapi(get, async (c) => {
    const appeal = await getAppeal(c.var.db, c.req.valid('param').id, c.var.clock.now());
    return c.json(appeal, 200);
  });
