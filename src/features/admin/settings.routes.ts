import { createRoute } from '@hono/zod-openapi';
import { and, inArray, isNull } from 'drizzle-orm';
import { staff } from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/db.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { logStatements, staffActor } from '../audit/index.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { SettingsUpdate, SettingsView } from './admin.schemas.js';
import { changesOf, newValues, runLogged } from './logged-change.js';
import { getSettings, settingStatements } from './settings.service.js';

const tags = ['admin'];

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
  summary: 'Change settings (auto-hide threshold, TOTP roles, token budget, retention); logged',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(SettingsUpdate) },
  responses: { 200: jsonContent(SettingsView, 'New settings'), ...errorResponses(401, 403, 422) },
});

async function settingsView(db: Db, config: Config) {
  const settings = await getSettings(db, config);
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

/** Admin settings: read, and change (each changed value with its old one on the public log). */
export const settingsRoutes = router()
  .openapi(readSettings, async (c) => c.json(await settingsView(c.var.db, c.var.config), 200))
  .openapi(writeSettings, async (c) => {
    const { db, clock, config } = c.var;
    const now = clock.now();
    const changes = changesOf(await getSettings(db, config), c.req.valid('json'));
    if (Object.keys(changes).length > 0) {
      await runLogged(db, [
        ...settingStatements(db, newValues(changes), now),
        ...logStatements(db, {
          kind: 'settings.update',
          actor: staffActor(currentStaff(c)),
          now,
          data: { changes },
        }),
      ]);
    }
    return c.json(await settingsView(db, config), 200);
  });
