import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { errorResponses, jsonBody, jsonContent, privateToken, router } from '../../platform/http/openapi.js';
import {
  CreatedReply,
  CreatedThread,
  CreateReplyBody,
  CreateThreadBody,
  ReplyListQuery,
  ReplyPage,
  Thread,
  ThreadIdParam,
  ThreadListQuery,
  ThreadPage,
} from './forum.schemas.js';
import { createReply, createThread } from './forum.service.js';
import { getThread, listReplies, listThreads } from './forum-read.service.js';

const listThreadsRoute = createRoute({
  method: 'get',
  path: '/api/v1/forum/threads',
  tags: ['forum'],
  summary: 'Threads, newest first; q searches titles, bodies and replies (substring match)',
  request: { query: ThreadListQuery },
  responses: { 200: jsonContent(ThreadPage, 'A page of threads'), ...errorResponses(400, 422) },
});

const createThreadRoute = createRoute({
  method: 'post',
  path: '/api/v1/forum/threads',
  tags: ['forum'],
  summary: 'Start a thread (spends one anonymous token)',
  security: privateToken,
  request: { body: jsonBody(CreateThreadBody) },
  responses: {
    201: jsonContent(CreatedThread, 'Stored. The receipt is shown only now.'),
    ...errorResponses(401, 409, 413, 415, 422),
  },
});

const getThreadRoute = createRoute({
  method: 'get',
  path: '/api/v1/forum/threads/{id}',
  tags: ['forum'],
  request: { params: ThreadIdParam },
  responses: { 200: jsonContent(Thread, 'The thread'), ...errorResponses(404) },
});

const listRepliesRoute = createRoute({
  method: 'get',
  path: '/api/v1/forum/threads/{id}/replies',
  tags: ['forum'],
  request: { params: ThreadIdParam, query: ReplyListQuery },
  responses: { 200: jsonContent(ReplyPage, 'Replies in order of writing'), ...errorResponses(400, 404, 422) },
});

const createReplyRoute = createRoute({
  method: 'post',
  path: '/api/v1/forum/threads/{id}/replies',
  tags: ['forum'],
  summary: 'Reply (spends one anonymous token); send your first receipt of this thread to keep your name',
  security: privateToken,
  request: { params: ThreadIdParam, body: jsonBody(CreateReplyBody) },
  responses: {
    201: jsonContent(CreatedReply, 'Stored. The receipt is shown only now.'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

const deps = (c: Context<AppEnv>) => ({
  db: c.var.db,
  config: c.var.config,
  secrets: c.var.secrets,
  tokens: c.var.tokens,
  now: c.var.clock.now(),
});

/** Forum (论坛): threads and replies; one name per author within a thread, a fresh one in every other. */
export const forumRoutes = router()
  .openapi(listThreadsRoute, async (c) =>
    c.json(await listThreads(c.var.db, c.req.valid('query'), c.var.clock.now()), 200),
  )
  .openapi(createThreadRoute, async (c) => {
    const input = c.req.valid('json');
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    const created = await createThread(deps(c), spend, input);
    return c.json({ ...created, publishAt: new Date(created.publishAt).toISOString() }, 201);
  })
  .openapi(getThreadRoute, async (c) =>
    c.json(await getThread(c.var.db, c.req.valid('param').id, c.var.clock.now()), 200),
  )
  .openapi(listRepliesRoute, async (c) =>
    c.json(
      await listReplies(c.var.db, c.req.valid('param').id, c.req.valid('query'), c.var.clock.now()),
      200,
    ),
  )
  .openapi(createReplyRoute, async (c) => {
    const input = c.req.valid('json');
    const threadId = c.req.valid('param').id;
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    const created = await createReply(deps(c), spend, threadId, input);
    return c.json({ ...created, publishAt: new Date(created.publishAt).toISOString() }, 201);
  });
