import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { AnswerBody, Answered, AssignBody, IdParam, OutcomeBody } from './answers.schemas.js';
import { answerAppeal } from './answers.service.js';
import { recordOutcome } from './commitments.service.js';
import { runDeadlines } from './deadlines.service.js';
import { listInbox, listQueue, markRead } from './inbox.service.js';
import { assignAppeal } from './routing.service.js';
import {
  Assigned,
  DeadlineRunResult,
  InboxItem,
  InboxQuery,
  Ok,
  OutcomeRecorded,
  QueueItem,
  QueueQuery,
} from './staff-desk.schemas.js';
import { deliverPending } from './webhooks.service.js';

const tags = ['staff: appeals'];

const assign = createRoute({
  method: 'post',
  path: '/api/v1/staff/appeals/{id}/assignment',
  tags,
  summary: 'Assign or reassign an appeal to a department, with a public reason (the deadline is kept)',
  middleware: [requireStaff('dispatcher', 'admin')] as const,
  request: { params: IdParam, body: jsonBody(AssignBody) },
  responses: { 200: jsonContent(Assigned, 'Assigned'), ...errorResponses(401, 403, 404, 409, 422) },
});

const answer = createRoute({
  method: 'post',
  path: '/api/v1/staff/appeals/{id}/answers',
  tags,
  summary: 'Answer publicly, in one of three kinds; a date in the answer becomes a commitment',
  middleware: [requireStaff('responder')] as const,
  request: { params: IdParam, body: jsonBody(AnswerBody) },
  responses: { 201: jsonContent(Answered, 'Published'), ...errorResponses(401, 403, 404, 409, 422) },
});

const outcome = createRoute({
  method: 'post',
  path: '/api/v1/staff/commitments/{id}/outcome',
  tags,
  summary: 'Post the outcome of a commitment: kept, partly kept or not kept (final)',
  middleware: [requireStaff('responder')] as const,
  request: { params: IdParam, body: jsonBody(OutcomeBody) },
  responses: { 200: jsonContent(OutcomeRecorded, 'Recorded'), ...errorResponses(401, 403, 404, 409, 422) },
});

const inbox = createRoute({
  method: 'get',
  path: '/api/v1/staff/inbox',
  tags,
  summary: 'New assignments, deadlines, escalations, reopened appeals; raised alerts and weekly digests',
  middleware: [requireStaff('responder', 'dispatcher', 'analyst', 'admin')] as const,
  request: { query: InboxQuery },
  responses: { 200: jsonContent(z.array(InboxItem), 'Newest first'), ...errorResponses(401, 403, 422) },
});

const read = createRoute({
  method: 'post',
  path: '/api/v1/staff/inbox/{id}/read',
  tags,
  middleware: [requireStaff('responder', 'dispatcher', 'analyst', 'admin')] as const,
  request: { params: IdParam },
  responses: { 200: jsonContent(Ok, 'Marked read'), ...errorResponses(401, 403, 404) },
});

const queue = createRoute({
  method: 'get',
  path: '/api/v1/staff/queue',
  tags,
  summary: 'Appeals waiting for an answer: overdue first, then most co-signed, then nearest deadline',
  middleware: [requireStaff('responder', 'dispatcher', 'admin')] as const,
  request: { query: QueueQuery },
  responses: { 200: jsonContent(z.array(QueueItem), 'The work queue'), ...errorResponses(401, 403, 422) },
});

const deadlines = createRoute({
  method: 'post',
  path: '/api/v1/staff/deadlines/run',
  tags,
  summary: 'Apply deadlines now (escalation, reminders, overdue commitments, auto-close) and push webhooks',
  description: 'Idempotent; meant for a cron trigger as well.',
  middleware: [requireStaff('admin', 'dispatcher')] as const,
  responses: { 200: jsonContent(DeadlineRunResult, 'What the run did'), ...errorResponses(401, 403) },
});

export const staffDeskRoutes = router()
  .openapi(assign, async (c) => {
    const actor = currentStaff(c);
    const result = await assignAppeal(
      c.var.db,
      { id: actor.id, role: actor.role, username: actor.username },
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.clock.now(),
    );
    return c.json(result, 200);
  })
  .openapi(answer, async (c) => {
    const actor = currentStaff(c);
    const result = await answerAppeal(
      c.var.db,
      actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.clock.now(),
    );
    return c.json(result, 201);
  })
  .openapi(outcome, async (c) => {
    const actor = currentStaff(c);
    const result = await recordOutcome(
      c.var.db,
      actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.clock.now(),
    );
    return c.json(result, 200);
  })
  .openapi(inbox, async (c) => {
    const items = await listInbox(c.var.db, currentStaff(c), c.req.valid('query'), c.var.clock.now());
    return c.json(items, 200);
  })
  .openapi(read, async (c) => {
    await markRead(c.var.db, currentStaff(c), c.req.valid('param').id, c.var.clock.now());
    return c.json({ ok: true }, 200);
  })
  .openapi(queue, async (c) => {
    const items = await listQueue(c.var.db, currentStaff(c), c.req.valid('query').limit, c.var.clock.now());
    return c.json(items, 200);
  })
  .openapi(deadlines, async (c) => {
    const now = c.var.clock.now();
    const run = await runDeadlines(c.var.db, now);
    const webhooks = await deliverPending(c.var.db, {
      secrets: c.var.secrets,
      fetch: c.var.fetch ?? fetch,
      sendMail: c.var.sendMail,
      log: c.var.log,
      origin: c.var.config.PUBLIC_ORIGIN,
      now,
    });
    return c.json({ ...run, webhooks }, 200);
  });
