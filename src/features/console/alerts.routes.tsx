import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { assignAlert, closeAlert, listAlerts } from '../analytics/alerts.service.js';
import { AssignAlertBody, CloseAlertBody } from '../analytics/analytics.schemas.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { organisationNames } from '../web/organisation-names.js';
import { dailyVolume } from './alert-volume.service.js';
import { AlertForms, AlertList, VolumeChart } from './alerts.views.js';
import { type FieldErrors, type FormValues, idOf, issuesToFields, readForm } from './console-form.js';
import { Done, renderConsole } from './console-page.js';

const ANALYSTS = ['analyst', 'admin'] as const;
// the list service's own maximum; the page of one alert finds it among them
const LIST_LIMIT = 200;

function alertId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError('ALERT_NOT_FOUND');
  return Number(raw);
}

async function alertPage(c: Context<AppEnv>, id: number, form?: { values: FormValues; errors: FieldErrors }) {
  const i18n = i18nOf(c);
  const now = c.var.clock.now();
  const alert = (await listAlerts(c.var.db, { limit: LIST_LIMIT }, now)).find((a) => a.id === id);
  if (!alert) throw new AppError('ALERT_NOT_FOUND');
  const [names, days] = await Promise.all([
    organisationNames(c.var.db, i18n.locale),
    dailyVolume(c.var.db, alert, now),
  ]);
  const body = (
    <div class="narrow">
      <p>
        <a href={i18n.href('/staff/alerts')}>← {i18n.t('console.alerts.title')}</a>
      </p>
      <h1>
        <bdi>{alert.label}</bdi>
      </h1>
      <Done i18n={i18n} done={c.req.query('done')} keys={{ 1: 'console.done' }} />
      <p class="meta">
        {alert.groupKind} · {alert.startDate} – {alert.endDate} · {alert.status}
        {alert.assignedDepartmentId !== null && ` · ${names.department(alert.assignedDepartmentId)}`}
      </p>
      <VolumeChart i18n={i18n} days={days} label={i18n.t('console.alerts.chart')} />
      {alert.response && <p class="notice info">{alert.response.note}</p>}
      <AlertForms i18n={i18n} names={names} alert={alert} values={form?.values} errors={form?.errors} />
    </div>
  );
  return renderConsole(c, { title: alert.label, page: 'alerts' }, body, form ? 422 : 200);
}

/** The analyst's alerts: the list, one alert with its daily volume, assignment and the recorded response. */
export const alertPages = new Hono<AppEnv>()
  .get('/staff/alerts', requireStaff(...ANALYSTS), async (c) => {
    const i18n = i18nOf(c);
    const alerts = await listAlerts(c.var.db, { limit: LIST_LIMIT }, c.var.clock.now());
    const title = i18n.t('console.alerts.title');
    return renderConsole(
      c,
      { title, page: 'alerts' },
      <>
        <h1>{title}</h1>
        <AlertList i18n={i18n} alerts={alerts} />
      </>,
    );
  })
  .get('/staff/alerts/:id', requireStaff(...ANALYSTS), (c) => alertPage(c, alertId(c)))
  .post('/staff/alerts/:id/assignment', requireStaff(...ANALYSTS), async (c) => {
    const id = alertId(c);
    const form = await readForm(c);
    const parsed = AssignAlertBody.safeParse({
      departmentId: idOf(form.departmentId),
    });
    if (!parsed.success) return alertPage(c, id, { values: form, errors: issuesToFields(parsed.error) });
    await assignAlert(c.var.db, id, parsed.data, currentStaff(c), c.var.clock.now());
    return c.redirect(i18nOf(c).href(`/staff/alerts/${id}`, { done: 1 }), 303);
  })
  .post('/staff/alerts/:id/closure', requireStaff(...ANALYSTS), async (c) => {
    const id = alertId(c);
    const form = await readForm(c);
    const parsed = CloseAlertBody.safeParse({
      responseKind: form.responseKind,
      note: form.note,
      url: form.url || undefined,
    });
    if (!parsed.success) return alertPage(c, id, { values: form, errors: issuesToFields(parsed.error) });
    await closeAlert(c.var.db, id, parsed.data, currentStaff(c), c.var.clock.now());
    return c.redirect(i18nOf(c).href(`/staff/alerts/${id}`, { done: 1 }), 303);
  });
