import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { CreateStaffBody, StaffActionParams } from '../admin/admin.schemas.js';
import { rotateIssuerKeysLogged, rotateSaltsLogged } from '../admin/operations.service.js';
import { getSettings } from '../admin/settings.service.js';
import { createStaffAccount, listStaff, staffAccountAction } from '../admin/staff-admin.service.js';
import { staffActor } from '../audit/index.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { organisationNames } from '../web/organisation-names.js';
import { AdminView } from './admin.views.js';
import { type FieldErrors, type FormValues, idOf, issuesToFields, readForm } from './console-form.js';
import { renderConsole } from './console-page.js';

// refusals of the create form that belong to one of its fields
const createFieldOf: Partial<Record<string, string>> = {
  USERNAME_TAKEN: 'username',
  DEPARTMENT_NOT_FOUND: 'departmentIds',
  RESPONDER_NEEDS_DEPARTMENT: 'departmentIds',
};

async function adminPage(
  c: Context<AppEnv>,
  extra: { oneTimePassword?: string; create?: { values: FormValues; errors: FieldErrors } } = {},
) {
  const i18n = i18nOf(c);
  const [names, staff, settings] = await Promise.all([
    organisationNames(c.var.db, i18n.locale),
    listStaff(c.var.db),
    getSettings(c.var.db, c.var.config),
  ]);
  const view = (
    <AdminView
      i18n={i18n}
      names={names}
      staff={staff}
      selfId={currentStaff(c).id}
      settings={settings}
      done={c.req.query('done') === '1'}
      {...extra}
    />
  );
  return renderConsole(
    c,
    { title: i18n.t('console.admin.title'), page: 'admin' },
    view,
    extra.create ? 422 : 200,
  );
}

const opsDeps = (c: Context<AppEnv>) => ({
  db: c.var.db,
  config: c.var.config,
  secrets: c.var.secrets,
  now: c.var.clock.now(),
});
const done = (c: Context<AppEnv>) => c.redirect(i18nOf(c).href('/staff/admin', { done: 1 }), 303);

/** Staff accounts (list, create, disable, reset password), salt and key rotation, the settings in force. */
export const adminPages = new Hono<AppEnv>()
  .get('/staff/admin', requireStaff('admin'), (c) => adminPage(c))
  .post('/staff/admin/staff', requireStaff('admin'), async (c) => {
    const form = await readForm(c);
    const parsed = CreateStaffBody.safeParse({
      username: form.username,
      displayName: form.displayName,
      role: form.role,
      departmentIds: (form.departmentIds ?? '')
        .split(',')
        .map(idOf)
        .filter((d) => d !== undefined),
    });
    if (!parsed.success)
      return adminPage(c, { create: { values: form, errors: issuesToFields(parsed.error) } });
    try {
      const created = await createStaffAccount(
        { db: c.var.db, now: c.var.clock.now() },
        currentStaff(c),
        parsed.data,
      );
      return adminPage(c, { oneTimePassword: created.oneTimePassword });
    } catch (e) {
      const field = e instanceof AppError ? createFieldOf[e.code] : undefined;
      if (!field) throw e;
      return adminPage(c, { create: { values: form, errors: { [field]: 'console.field.invalid' } } });
    }
  })
  .post('/staff/admin/staff/:id/:action', requireStaff('admin'), async (c) => {
    const params = StaffActionParams.safeParse(c.req.param());
    if (!params.success || params.data.action === 'reset-totp') throw new AppError('NOT_FOUND');
    const { id, action } = params.data;
    const result = await staffAccountAction(
      { db: c.var.db, now: c.var.clock.now() },
      currentStaff(c),
      id,
      action,
    );
    return result.oneTimePassword ? adminPage(c, { oneTimePassword: result.oneTimePassword }) : done(c);
  })
  .post('/staff/admin/salts/rotate', requireStaff('admin'), async (c) => {
    await rotateSaltsLogged(opsDeps(c), staffActor(currentStaff(c)));
    return done(c);
  })
  .post('/staff/admin/issuer-keys/rotate', requireStaff('admin'), async (c) => {
    await rotateIssuerKeysLogged(opsDeps(c), staffActor(currentStaff(c)));
    return done(c);
  });
