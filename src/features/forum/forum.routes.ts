import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { errorResponses, jsonBody, jsonContent, privateToken, router } from '../../platform/http/openapi.js';
import { listBoards } from './boards.service.js';
import {
  Agreed,
  BoardList,
  CreatedReply,
  CreatedThread,
  CreateReplyBody,
  CreateThreadBody,
  Reply,
  ReplyIdParam,
  ReplyListQuery,
  ReplyPage,
  Thread,
  ThreadIdParam,
  ThreadListQuery,
  ThreadPage,
} from './forum.schemas.js';
import { createReply, createThread } from './forum.service.js';
import { getReply, getThread, listReplies, listThreads } from './forum-read.service.js';
import { forumStaffRoutes } from './forum-staff.routes.js';
import { agree } from './reactions.service.js';

const listThreadsRoute = createRoute({
  method: 'get',
  path: '/api/v1/forum/threads',
  tags: ['forum'],
  summary: 'Threads of a board or all, newest first; q searches titles, bodies and replies, best first',
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

const getReplyRoute = createRoute({
  method: 'get',
  path: '/api/v1/forum/replies/{id}',
  tags: ['forum'],
  summary: 'One reply, as in its thread’s list (the tombstone if hidden)',
  request: { params: ReplyIdParam },
  responses: { 200: jsonContent(Reply, 'The reply'), ...errorResponses(404) },
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

const boardsRoute = createRoute({
  method: 'get',
  path: '/api/v1/forum/boards',
  tags: ['forum'],
  summary: 'The boards (版块), in their order',
  responses: { 200: jsonContent(BoardList, 'All boards') },
});

const agreeResponses = {
  201: jsonContent(Agreed, 'Counted'),
  ...errorResponses(401, 404, 409),
};

const agreeThreadRoute = createRoute({
  method: 'post',
  path: '/api/v1/forum/threads/{id}/agree',
  tags: ['forum'],
  summary: '"Agree" with a thread (spends one anonymous token; only a count is kept)',
  security: privateToken,
  request: { params: ThreadIdParam },
  responses: agreeResponses,
});

const agreeReplyRoute = createRoute({
  method: 'post',
  path: '/api/v1/forum/replies/{id}/agree',
  tags: ['forum'],
  summary: '"Agree" with a reply (spends one anonymous token; only a count is kept)',
  security: privateToken,
  request: { params: ReplyIdParam },
  responses: agreeResponses,
});

const deps = (c: Context<AppEnv>) => ({
  db: c.var.db,
  config: c.var.config,
  secrets: c.var.secrets,
  tokens: c.var.tokens,
  now: c.var.clock.now(),
});

/** Forum (论坛): threads and replies; one name per author within a thread, a fresh one in every other. */
const publicForumRoutes = router()
  .openapi(boardsRoute, async (c) => c.json({ items: await listBoards(c.var.db) }, 200))
  .openapi(agreeThreadRoute, async (c) => {
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    return c.json(await agree(deps(c), spend, 'thread', c.req.valid('param').id), 201);
  })
  .openapi(agreeReplyRoute, async (c) => {
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    return c.json(await agree(deps(c), spend, 'reply', c.req.valid('param').id), 201);
  })
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
  .openapi(getReplyRoute, async (c) =>
    c.json(await getReply(c.var.db, c.req.valid('param').id, c.var.clock.now()), 200),
  )
  .openapi(createReplyRoute, async (c) => {
    const input = c.req.valid('json');
    const threadId = c.req.valid('param').id;
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    const created = await createReply(deps(c), spend, threadId, input);
    return c.json({ ...created, publishAt: new Date(created.publishAt).toISOString() }, 201);
  });

export const forumRoutes = router().route('/', publicForumRoutes).route('/', forumStaffRoutes);
