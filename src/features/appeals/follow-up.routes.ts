import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { coarseTime } from '../tokens/index.js';
import { AppealIdParam } from './appeals.schemas.js';
import { addInformation, authorsAppeal, giveVerdict, withdrawAppeal } from './follow-up.service.js';
import { AddInformationBody, FollowUpResult, VerdictBody, WithdrawBody } from './public.schemas.js';

const authorRoute = <T extends z.ZodType>(path: string, summary: string, body: T) =>
  createRoute({
    method: 'post',
    path: `/api/v1/appeals/{id}/${path}`,
    tags: ['appeals: author'],
    summary,
    description: 'Proved with the receipt given at posting; no token, cookie or account is involved.',
    request: { params: AppealIdParam, body: jsonBody(body) },
    responses: { 200: jsonContent(FollowUpResult, 'Done'), ...errorResponses(403, 404, 409, 422) },
  });

const add = authorRoute('information', 'The author adds information', AddInformationBody);
const verdict = authorRoute(
  'verdict',
  'The author rates the answer: satisfied, partly, or unsatisfied (reopens once, to the parent department)',
  VerdictBody,
);
const withdraw = authorRoute('withdraw', 'The author withdraws the appeal', WithdrawBody);

/** `now` for deadlines; `at`, coarse like every time a worker's action leaves behind. */
function times(c: Context<AppEnv>) {
  const now = c.var.clock.now();
  return { now, at: coarseTime(c.var.config, now) };
}

export const followUpRoutes = router()
  .openapi(add, async (c) => {
    const { id } = c.req.valid('param');
    const { receipt, text } = c.req.valid('json');
    const t = times(c);
    const appeal = await authorsAppeal(c.var.db, c.var.secrets, id, receipt, t.now);
    await addInformation(c.var.db, appeal, text, t);
    return c.json({ id, status: appeal.status, round: appeal.round }, 200);
  })
  .openapi(verdict, async (c) => {
    const { id } = c.req.valid('param');
    const { receipt, ...input } = c.req.valid('json');
    const t = times(c);
    const appeal = await authorsAppeal(c.var.db, c.var.secrets, id, receipt, t.now);
    const result = await giveVerdict(c.var.db, appeal, input, t);
    return c.json({ id, ...result }, 200);
  })
  .openapi(withdraw, async (c) => {
    const { id } = c.req.valid('param');
    const { receipt, reason } = c.req.valid('json');
    const t = times(c);
    const appeal = await authorsAppeal(c.var.db, c.var.secrets, id, receipt, t.now);
    await withdrawAppeal(c.var.db, appeal, reason, t);
    return c.json({ id, status: 'withdrawn' as const, round: appeal.round }, 200);
  });
