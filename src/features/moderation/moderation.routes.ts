import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, privateToken, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { decide } from './decisions.service.js';
import { contestHiding, flagItem } from './flags.service.js';
import {
  ContestBody,
  DecisionBody,
  DecisionParams,
  FlagBody,
  Ok,
  Queue,
  QueueQuery,
} from './moderation.schemas.js';
import { moderationQueue } from './queue.service.js';

const tags = ['moderation'];

const flag = createRoute({
  method: 'post',
  path: '/api/v1/flags',
  tags,
  summary: 'Flag a public item (spends one anonymous token)',
  security: privateToken,
  request: { body: jsonBody(FlagBody) },
  responses: { 201: jsonContent(Ok, 'Flag recorded'), ...errorResponses(401, 404, 409, 422) },
});

const contest = createRoute({
  method: 'post',
  path: '/api/v1/moderation/contests',
  tags,
  summary: "Contest the hiding of one's own item, proving authorship with its receipt",
  request: { body: jsonBody(ContestBody) },
  responses: { 201: jsonContent(Ok, 'Contest opened'), ...errorResponses(403, 404, 409, 422) },
});

const queue = createRoute({
  method: 'get',
  path: '/api/v1/staff/moderation/queue',
  tags,
  summary: 'Flagged items by weight and age, and open contests of hidings by others',
  middleware: [requireStaff('moderator', 'admin')] as const,
  request: { query: QueueQuery },
  responses: { 200: jsonContent(Queue, 'The queue'), ...errorResponses(401, 403) },
});

const decision = createRoute({
  method: 'post',
  path: '/api/v1/staff/moderation/items/{type}/{id}/{decision}',
  tags,
  summary: 'keep (dismiss flags), hide (public reason), restore, or uphold a hiding against a contest',
  middleware: [requireStaff('moderator', 'admin')] as const,
  request: { params: DecisionParams, body: jsonBody(DecisionBody) },
  responses: { 200: jsonContent(Ok, 'Decided and logged'), ...errorResponses(401, 403, 404, 409, 422) },
});

export const moderationRoutes = router()
  .openapi(flag, async (c) => {
    const input = c.req.valid('json');
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    await flagItem(
      { db: c.var.db, config: c.var.config, tokens: c.var.tokens, now: c.var.clock.now() },
      spend,
      input,
    );
    return c.json({ ok: true as const }, 201);
  })
  .openapi(contest, async (c) => {
    const { db, config, secrets, clock } = c.var;
    await contestHiding({ db, config, secrets, now: clock.now() }, c.req.valid('json'));
    return c.json({ ok: true as const }, 201);
  })
  .openapi(queue, async (c) => {
    const items = await moderationQueue(c.var.db, currentStaff(c), c.req.valid('query').limit);
    return c.json({ items }, 200);
  })
  .openapi(decision, async (c) => {
    const { type, id, decision: d } = c.req.valid('param');
    await decide(
      { db: c.var.db, now: c.var.clock.now() },
      currentStaff(c),
      { type, id },
      d,
      c.req.valid('json'),
    );
    return c.json({ ok: true as const }, 200);
  });
