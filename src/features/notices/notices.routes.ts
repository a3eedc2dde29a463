import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import {
  CreateNoticeBody,
  DepartmentSlugParam,
  Notice,
  NoticeIdParam,
  NoticeListQuery,
  NoticePage,
} from './notices.schemas.js';
import {
  departmentBySlug,
  getNotice,
  listNotices,
  type NoticeView,
  publishNotice,
} from './notices.service.js';
import { atomFeed } from './notices-feed.js';

const FEED_SIZE = 50;
const atom = { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: z.string() } } };

const create = createRoute({
  method: 'post',
  path: '/api/v1/staff/notices',
  tags: ['notices', 'staff'],
  summary: 'Publish a notice (decision or measure) under your name; responders for their departments',
  middleware: [requireStaff('admin', 'responder')] as const,
  request: { body: jsonBody(CreateNoticeBody) },
  responses: { 201: jsonContent(Notice, 'Published'), ...errorResponses(401, 403, 422) },
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/notices',
  tags: ['notices'],
  summary: 'Notices, newest first; filter by department or answered appeal, search by words',
  request: { query: NoticeListQuery },
  responses: { 200: jsonContent(NoticePage, 'A page of notices'), ...errorResponses(400, 422) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/notices/{id}',
  tags: ['notices'],
  request: { params: NoticeIdParam },
  responses: { 200: jsonContent(Notice, 'The notice'), ...errorResponses(404) },
});

const feed = createRoute({
  method: 'get',
  path: '/api/v1/notices.atom',
  tags: ['notices'],
  summary: 'Atom feed of all notices',
  responses: { 200: atom },
});

const departmentFeed = createRoute({
  method: 'get',
  path: '/api/v1/departments/{slug}/notices.atom',
  tags: ['notices'],
  summary: "Atom feed of one department's notices",
  request: { params: DepartmentSlugParam },
  responses: { 200: atom, ...errorResponses(404) },
});

function feedResponse(c: Context<AppEnv>, selfPath: string, title: string, notices: NoticeView[]) {
  const body = atomFeed({ origin: c.var.config.PUBLIC_ORIGIN, selfPath, title, notices });
  return c.body(body, 200, {
    'Content-Type': 'application/atom+xml; charset=utf-8',
    'Cache-Control': 'public, max-age=300',
  });
}

/** Public notices (政务公开): staff publish, everyone reads, feeds per department and overall. */
export const noticesRoutes = router()
  .openapi(create, async (c) => {
    const notice = await publishNotice(c.var.db, currentStaff(c), c.req.valid('json'), c.var.clock.now());
    return c.json(notice, 201);
  })
  .openapi(list, async (c) => c.json(await listNotices(c.var.db, c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getNotice(c.var.db, c.req.valid('param').id), 200))
  .openapi(feed, async (c) => {
    const { items } = await listNotices(c.var.db, { limit: FEED_SIZE });
    return feedResponse(c, '/api/v1/notices.atom', '直通 · 政务公开', items);
  })
  .openapi(departmentFeed, async (c) => {
    const dept = await departmentBySlug(c.var.db, c.req.valid('param').slug);
    const { items } = await listNotices(c.var.db, { departmentId: dept.id, limit: FEED_SIZE });
    return feedResponse(
      c,
      `/api/v1/departments/${dept.slug}/notices.atom`,
      `直通 · 政务公开 · ${dept.nameZh}`,
      items,
    );
  });
