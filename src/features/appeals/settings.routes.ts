import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { updateCategory } from '../admin/categories.service.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { IdParam } from './answers.schemas.js';
import { createRule, deleteRule, listRules } from './routing.service.js';
import {
  AnswerDays,
  AnswerDaysBody,
  CalendarDay,
  CalendarDayBody,
  DateParam,
  Rule,
  RuleBody,
  Webhook,
  WebhookBody,
  YearQuery,
} from './settings.schemas.js';
import { deleteCalendarDay, listCalendar, putCalendarDay } from './settings.service.js';
import { Ok } from './staff-desk.schemas.js';
import { createWebhook, disableWebhook, listWebhooks } from './webhooks.service.js';

const tags = ['staff: appeal settings'];

const rules = createRoute({
  method: 'get',
  path: '/api/v1/staff/routing-rules',
  tags,
  middleware: [requireStaff('dispatcher', 'admin')] as const,
  responses: { 200: jsonContent(z.array(Rule), 'All routing rules'), ...errorResponses(401, 403) },
});
const addRule = createRoute({
  method: 'post',
  path: '/api/v1/staff/routing-rules',
  tags,
  summary: 'Route a category (optionally: texts with any of some keywords) to a department',
  middleware: [requireStaff('dispatcher', 'admin')] as const,
  request: { body: jsonBody(RuleBody) },
  responses: { 201: jsonContent(Rule, 'Created'), ...errorResponses(401, 403, 422) },
});
const removeRule = createRoute({
  method: 'delete',
  path: '/api/v1/staff/routing-rules/{id}',
  tags,
  middleware: [requireStaff('dispatcher', 'admin')] as const,
  request: { params: IdParam },
  responses: { 200: jsonContent(Ok, 'Deleted'), ...errorResponses(401, 403, 404) },
});
const calendar = createRoute({
  method: 'get',
  path: '/api/v1/staff/calendar',
  tags,
  summary: "A year's holidays and weekend working days",
  middleware: [requireStaff('dispatcher', 'admin')] as const,
  request: { query: YearQuery },
  responses: {
    200: jsonContent(z.array(CalendarDay), 'Exceptions to Monday–Friday'),
    ...errorResponses(401, 403, 422),
  },
});
const putDay = createRoute({
  method: 'put',
  path: '/api/v1/staff/calendar/{date}',
  tags,
  middleware: [requireStaff('admin')] as const,
  request: { params: DateParam, body: jsonBody(CalendarDayBody) },
  responses: { 200: jsonContent(CalendarDay, 'Set'), ...errorResponses(401, 403, 422) },
});
const deleteDay = createRoute({
  method: 'delete',
  path: '/api/v1/staff/calendar/{date}',
  tags,
  middleware: [requireStaff('admin')] as const,
  request: { params: DateParam },
  responses: { 200: jsonContent(Ok, 'Deleted'), ...errorResponses(401, 403, 404) },
});
const answerDays = createRoute({
  method: 'put',
  path: '/api/v1/staff/categories/{id}/answer-days',
  tags,
  summary: 'Working days for a first answer in a category (for appeals posted from now on)',
  middleware: [requireStaff('admin')] as const,
  request: { params: IdParam, body: jsonBody(AnswerDaysBody) },
  responses: { 200: jsonContent(AnswerDays, 'Set'), ...errorResponses(401, 403, 422) },
});
const hooks = createRoute({
  method: 'get',
  path: '/api/v1/staff/webhooks',
  tags,
  middleware: [requireStaff('admin')] as const,
  responses: { 200: jsonContent(z.array(Webhook), 'Active robots'), ...errorResponses(401, 403) },
});
const addHook = createRoute({
  method: 'post',
  path: '/api/v1/staff/webhooks',
  tags,
  summary: 'Push notifications to a WeCom (企业微信) or DingTalk (钉钉) group robot',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(WebhookBody) },
  responses: { 201: jsonContent(Webhook, 'Created'), ...errorResponses(401, 403, 422) },
});
const removeHook = createRoute({
  method: 'delete',
  path: '/api/v1/staff/webhooks/{id}',
  tags,
  middleware: [requireStaff('admin')] as const,
  request: { params: IdParam },
  responses: { 200: jsonContent(Ok, 'Disabled'), ...errorResponses(401, 403, 404) },
});

export const settingsRoutes = router()
  .openapi(rules, async (c) => c.json(await listRules(c.var.db), 200))
  .openapi(addRule, async (c) =>
    c.json(await createRule(c.var.db, c.req.valid('json'), c.var.clock.now()), 201),
  )
  .openapi(removeRule, async (c) => {
    await deleteRule(c.var.db, c.req.valid('param').id);
    return c.json({ ok: true }, 200);
  })
  .openapi(calendar, async (c) => c.json(await listCalendar(c.var.db, c.req.valid('query').year), 200))
  .openapi(putDay, async (c) =>
    c.json(await putCalendarDay(c.var.db, { date: c.req.valid('param').date, ...c.req.valid('json') }), 200),
  )
  .openapi(deleteDay, async (c) => {
    await deleteCalendarDay(c.var.db, c.req.valid('param').date);
    return c.json({ ok: true }, 200);
  })
  .openapi(answerDays, async (c) => {
    // the admin API's category update: one implementation, and the change goes on the public log
    const deps = { db: c.var.db, now: c.var.clock.now() };
    const category = await updateCategory(
      deps,
      currentStaff(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ id: category.id, answerDays: category.answerDays }, 200);
  })
  .openapi(hooks, async (c) => c.json(await listWebhooks(c.var.db), 200))
  .openapi(addHook, async (c) =>
    c.json(await createWebhook(c.var.db, c.var.secrets, c.req.valid('json'), c.var.clock.now()), 201),
  )
  .openapi(removeHook, async (c) => {
    await disableWebhook(c.var.db, c.req.valid('param').id, c.var.clock.now());
    return c.json({ ok: true }, 200);
  });
