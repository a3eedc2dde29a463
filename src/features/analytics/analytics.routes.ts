import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { assignAlert, closeAlert, listAlerts } from './alerts.service.js';
import { analyse } from './analyse.service.js';
import {
  Alert,
  AlertIdParam,
  AlertsQuery,
  AlertWithFollowUp,
  AnalyseResult,
  AssignAlertBody,
  CloseAlertBody,
  HotTopics,
  HotTopicsQuery,
} from './analytics.schemas.js';
import { dictionaryRoutes } from './dictionary.routes.js';
import { hotTopics } from './hot-topics.service.js';

const tags = ['staff: early warning'];

const list = createRoute({
  method: 'get',
  path: '/api/v1/staff/alerts',
  tags,
  summary: 'Public-opinion alerts (舆情信息提示) with their evidence',
  middleware: [requireStaff('analyst', 'admin')] as const,
  request: { query: AlertsQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(AlertWithFollowUp) }), 'Alerts, newest rise first'),
    ...errorResponses(401, 403, 422),
  },
});

const assign = createRoute({
  method: 'post',
  path: '/api/v1/staff/alerts/{id}/assignment',
  tags,
  summary: 'Hand an alert to the department that should speak up (logged publicly)',
  middleware: [requireStaff('analyst', 'admin')] as const,
  request: { params: AlertIdParam, body: jsonBody(AssignAlertBody) },
  responses: { 200: jsonContent(Alert, 'Assigned'), ...errorResponses(401, 403, 404, 409, 422) },
});

const close = createRoute({
  method: 'post',
  path: '/api/v1/staff/alerts/{id}/closure',
  tags,
  summary: 'Record the response (explainer, notice, meeting…) and close the alert (logged publicly)',
  middleware: [requireStaff('analyst', 'admin')] as const,
  request: { params: AlertIdParam, body: jsonBody(CloseAlertBody) },
  responses: { 200: jsonContent(Alert, 'Closed'), ...errorResponses(401, 403, 404, 409, 422) },
});

const run = createRoute({
  method: 'post',
  path: '/api/v1/staff/alerts/analysis',
  tags,
  summary: 'Rebuild topics and test today for bursts now (the nightly job does the same)',
  middleware: [requireStaff('analyst', 'admin')] as const,
  responses: { 200: jsonContent(AnalyseResult, 'Done'), ...errorResponses(401, 403) },
});

const hot = createRoute({
  method: 'get',
  path: '/api/v1/hot-topics',
  tags: ['hot topics'],
  summary: 'The concerns of the week or month (topics of at least five items only)',
  request: { query: HotTopicsQuery },
  responses: { 200: jsonContent(HotTopics, 'Hot topics, by volume'), ...errorResponses(422) },
});

export const analyticsRoutes = router()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await listAlerts(c.var.db, q, c.var.clock.now()) }, 200);
  })
  .openapi(assign, async (c) => {
    const { id } = c.req.valid('param');
    const alert = await assignAlert(c.var.db, id, c.req.valid('json'), currentStaff(c), c.var.clock.now());
    return c.json(alert, 200);
  })
  .openapi(close, async (c) => {
    const { id } = c.req.valid('param');
    const alert = await closeAlert(c.var.db, id, c.req.valid('json'), currentStaff(c), c.var.clock.now());
    return c.json(alert, 200);
  })
  .openapi(run, async (c) => c.json(await analyse(c.var.db, c.var.clock.now()), 200))
  .openapi(hot, async (c) => {
    const { period, limit } = c.req.valid('query');
    return c.json({ period, topics: await hotTopics(c.var.db, c.var.clock.now(), period, limit) }, 200);
  })
  .route('/', dictionaryRoutes);
