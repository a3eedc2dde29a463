import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import {
  CreateStaffBody,
  Empty,
  Ok,
  OneTimePassword,
  StaffActionParams,
  StaffIdParams,
  StaffList,
  UpdateStaffBody,
} from './admin.schemas.js';
import {
  createStaffAccount,
  listStaff,
  staffAccountAction,
  updateStaffAccount,
} from './staff-admin.service.js';

const tags = ['admin'];

const list = createRoute({
  method: 'get',
  path: '/api/v1/staff/admin/staff',
  tags,
  middleware: [requireStaff('admin')] as const,
  responses: { 200: jsonContent(StaffList, 'All staff accounts'), ...errorResponses(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/api/v1/staff/admin/staff',
  tags,
  summary: 'Create a staff account; the one-time password is shown once',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(CreateStaffBody) },
  responses: { 201: jsonContent(OneTimePassword, 'Created'), ...errorResponses(401, 403, 409, 422) },
});

const update = createRoute({
  method: 'patch',
  path: '/api/v1/staff/admin/staff/{id}',
  tags,
  summary: "Change a member's role, name or departments (role and department changes end their sessions)",
  middleware: [requireStaff('admin')] as const,
  request: { params: StaffIdParams, body: jsonBody(UpdateStaffBody) },
  responses: { 200: jsonContent(Ok, 'Updated'), ...errorResponses(401, 403, 404, 409, 422) },
});

const action = createRoute({
  method: 'post',
  path: '/api/v1/staff/admin/staff/{id}/{action}',
  tags,
  summary: 'disable (sessions end), reset-password (new one-time password) or reset-totp',
  middleware: [requireStaff('admin')] as const,
  request: { params: StaffActionParams, body: jsonBody(Empty) },
  responses: { 200: jsonContent(OneTimePassword, 'Done'), ...errorResponses(401, 403, 404, 409) },
});

export const staffAdminRoutes = router()
  .openapi(list, async (c) => c.json({ staff: await listStaff(c.var.db) }, 200))
  .openapi(create, async (c) => {
    const created = await createStaffAccount(
      { db: c.var.db, now: c.var.clock.now() },
      currentStaff(c),
      c.req.valid('json'),
    );
    return c.json(created, 201);
  })
  .openapi(update, async (c) => {
    const { db, clock } = c.var;
    await updateStaffAccount(
      { db, now: clock.now() },
      currentStaff(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ ok: true as const }, 200);
  })
  .openapi(action, async (c) => {
    const { id, action: a } = c.req.valid('param');
    return c.json(
      await staffAccountAction({ db: c.var.db, now: c.var.clock.now() }, currentStaff(c), id, a),
      200,
    );
  });
