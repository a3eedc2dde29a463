import { createRoute } from '@hono/zod-openapi';
import { and, inArray, isNull } from 'drizzle-orm';
import { staff } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { appendLog, staffActor } from '../audit/index.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import {
  CreateStaffBody,
  Empty,
  Ok,
  OneTimePassword,
  SettingsUpdate,
  SettingsView,
  StaffActionParams,
  StaffIdParams,
  StaffList,
  UpdateStaffBody,
} from './admin.schemas.js';
import { getSettings, type Settings, settingStatements } from './settings.service.js';
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

const readSettings = createRoute({
  method: 'get',
  path: '/api/v1/staff/admin/settings',
  tags,
  middleware: [requireStaff('admin')] as const,
  responses: { 200: jsonContent(SettingsView, 'Current settings'), ...errorResponses(401, 403) },
});

const writeSettings = createRoute({
  method: 'put',
  path: '/api/v1/staff/admin/settings',
  tags,
  summary: 'Change settings (auto-hide threshold, roles that must use TOTP); logged',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(SettingsUpdate) },
  responses: { 200: jsonContent(SettingsView, 'New settings'), ...errorResponses(401, 403, 422) },
});

async function settingsView(db: Db) {
  const settings = await getSettings(db);
  const missing = settings.totpRequiredRoles.length
    ? await db
        .select({ username: staff.username })
        .from(staff)
        .where(
          and(
            inArray(staff.role, settings.totpRequiredRoles),
            isNull(staff.totpSecretSealed),
            isNull(staff.disabledAt),
          ),
        )
    : [];
  return { settings, withoutTotp: missing.map((m) => m.username) };
}

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
  })
  .openapi(readSettings, async (c) => c.json(await settingsView(c.var.db), 200))
  .openapi(writeSettings, async (c) => {
    const { db, clock } = c.var;
    const now = clock.now();
    const before = await getSettings(db);
    const input = c.req.valid('json');
    const changed: Partial<Settings> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(input) as (keyof Settings)[]) {
      if (input[key] === undefined || JSON.stringify(input[key]) === JSON.stringify(before[key])) continue;
      Object.assign(changed, { [key]: input[key] });
      changes[key] = { from: before[key], to: input[key] };
    }
    if (Object.keys(changes).length > 0) {
      await db.batch(settingStatements(db, changed, now) as unknown as Parameters<typeof db.batch>[0]);
      await appendLog(db, {
        kind: 'settings.update',
        actor: staffActor(currentStaff(c)),
        now,
        data: { changes },
      });
    }
    return c.json(await settingsView(db), 200);
  });
