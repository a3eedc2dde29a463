import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { staffActor } from '../audit/index.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import {
  CodeBatch,
  CodeBatchBody,
  Count,
  CreatedCodes,
  Empty,
  RevokeCodeBody,
  Rotation,
  StaffIdParams,
} from './admin.schemas.js';
import {
  createCodeBatch,
  listCodeBatches,
  revokeCodeBatch,
  revokeOneCode,
  rotateIssuerKeysLogged,
  rotateSaltsLogged,
} from './operations.service.js';

const tags = ['admin'];

const rotateSalts = createRoute({
  method: 'post',
  path: '/api/v1/staff/admin/salts/rotate',
  tags,
  summary: 'Destroy the current rate-limit salt (and any past its window) now; logged',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(Empty) },
  responses: { 200: jsonContent(Count, 'Salts destroyed'), ...errorResponses(401, 403) },
});

const rotateKeys = createRoute({
  method: 'post',
  path: '/api/v1/staff/admin/issuer-keys/rotate',
  tags,
  summary: 'One issuer-key rotation step (publish next, or activate it and retire the old); logged',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(Empty) },
  responses: { 200: jsonContent(Rotation, 'Rotation step'), ...errorResponses(401, 403) },
});

const batches = createRoute({
  method: 'get',
  path: '/api/v1/staff/admin/code-batches',
  tags,
  middleware: [requireStaff('admin')] as const,
  responses: {
    200: jsonContent(z.object({ batches: z.array(CodeBatch) }), 'Batches'),
    ...errorResponses(401, 403),
  },
});

const createBatch = createRoute({
  method: 'post',
  path: '/api/v1/staff/admin/code-batches',
  tags,
  summary: 'Create enrollment codes (shown once); logged without the codes',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(CodeBatchBody) },
  responses: { 201: jsonContent(CreatedCodes, 'Codes'), ...errorResponses(401, 403, 422) },
});

const revokeBatch = createRoute({
  method: 'post',
  path: '/api/v1/staff/admin/code-batches/{id}/revoke',
  tags,
  middleware: [requireStaff('admin')] as const,
  request: { params: StaffIdParams, body: jsonBody(Empty) },
  responses: { 200: jsonContent(Count, 'Codes revoked'), ...errorResponses(401, 403, 404) },
});

const revokeCode = createRoute({
  method: 'post',
  path: '/api/v1/staff/admin/codes/revoke',
  tags,
  summary: 'Revoke one code (a worker left and handed it in)',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(RevokeCodeBody) },
  responses: { 200: jsonContent(Count, 'Codes revoked (0 or 1)'), ...errorResponses(401, 403, 422) },
});

export const operationsRoutes = router()
  .openapi(rotateSalts, async (c) => {
    const { db, config, secrets, clock } = c.var;
    const destroyed = await rotateSaltsLogged(
      { db, config, secrets, now: clock.now() },
      staffActor(currentStaff(c)),
    );
    return c.json({ count: destroyed }, 200);
  })
  .openapi(rotateKeys, async (c) => {
    const { db, config, secrets, clock } = c.var;
    return c.json(
      await rotateIssuerKeysLogged({ db, config, secrets, now: clock.now() }, staffActor(currentStaff(c))),
      200,
    );
  })
  .openapi(batches, async (c) => c.json({ batches: await listCodeBatches(c.var.db) }, 200))
  .openapi(createBatch, async (c) => {
    const { db, config, secrets, clock } = c.var;
    const created = await createCodeBatch(
      { db, config, secrets, now: clock.now() },
      staffActor(currentStaff(c)),
      c.req.valid('json'),
    );
    return c.json({ ...created, expiresAt: new Date(created.expiresAt).toISOString() }, 201);
  })
  .openapi(revokeBatch, async (c) => {
    const { db, config, secrets, clock } = c.var;
    const n = await revokeCodeBatch(
      { db, config, secrets, now: clock.now() },
      staffActor(currentStaff(c)),
      c.req.valid('param').id,
    );
    return c.json({ count: n }, 200);
  })
  .openapi(revokeCode, async (c) => {
    const { db, config, secrets, clock } = c.var;
    const done = await revokeOneCode(
      { db, config, secrets, now: clock.now() },
      staffActor(currentStaff(c)),
      c.req.valid('json').code,
    );
    return c.json({ count: done ? 1 : 0 }, 200);
  });
