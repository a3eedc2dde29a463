import { alertResponseKinds } from '../../../db/schema/index.js';
import type { I18n } from '../../platform/views/i18n/locale.js';
import type { AlertView } from '../analytics/alerts.service.js';
import { isoDay } from '../analytics/alerts.service.js';
import type { OrganisationNames } from '../web/organisation-names.js';
import type { DayCount } from './alert-volume.service.js';
import { Field, type FieldErrors, type FormValues } from './console-form.js';

const W = 640;
const H = 180;
const PAD = 24;

/**
 * Daily volume as server-rendered SVG bars (no chart library, no script, no inline style): the rise in
 * the accent colour, the baseline muted; a title and a table-free text summary for screen readers.
 */
export function VolumeChart(props: { i18n: I18n; days: DayCount[]; label: string }) {
  const { days } = props;
  const max = Math.max(1, ...days.map((d) => d.count));
  const bar = (W - 2 * PAD) / Math.max(1, days.length);
  const total = days.filter((d) => d.rise).reduce((s, d) => s + d.count, 0);
  const first = days[0];
  const last = days[days.length - 1];
  return (
    <figure>
      <svg
        class="chart"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby="chart-title"
      >
        <title id="chart-title">{`${props.label}: ${first ? isoDay(first.day) : ''} – ${last ? isoDay(last.day) : ''}`}</title>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#767676" />
        {days.map((d, i) => {
          const h = ((H - 2 * PAD) * d.count) / max;
          return (
            <rect
              x={(PAD + i * bar + 1).toFixed(1)}
              y={(H - PAD - h).toFixed(1)}
              width={Math.max(1, bar - 2).toFixed(1)}
              height={h.toFixed(1)}
              fill={d.rise ? '#9f1d20' : '#9aa5b1'}
            >
              <title>{`${isoDay(d.day)}: ${d.count}`}</title>
            </rect>
          );
        })}
        <text x={PAD} y={PAD - 6} font-size="12" fill="#333">
          {props.i18n.number(max)}
        </text>
        {first && (
          <text x={PAD} y={H - 6} font-size="12" fill="#333">
            {isoDay(first.day)}
          </text>
        )}
        {last && (
          <text x={W - PAD} y={H - 6} font-size="12" fill="#333" text-anchor="end">
            {isoDay(last.day)}
          </text>
        )}
      </svg>
      <figcaption class="help">
        {props.label} · Σ {props.i18n.number(total)}
      </figcaption>
    </figure>
  );
}

export function AlertList(props: { i18n: I18n; alerts: AlertView[] }) {
  const { i18n } = props;
  const t = i18n.t;
  if (props.alerts.length === 0) return <p>{t('console.alerts.empty')}</p>;
  return (
    <ol class="cards">
      {props.alerts.map((a) => (
        <li class="card">
          <h3>
            <a href={i18n.href(`/staff/alerts/${a.id}`)}>
              <bdi>{a.label}</bdi>
            </a>
          </h3>
          <p class="meta">
            {a.groupKind} · {a.startDate} – {a.endDate} · {a.status} · ×{a.evidence.growth.toFixed(1)} ·{' '}
            {i18n.number(a.evidence.observed)}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Assign to a department, or record the response (which closes the alert). */
export function AlertForms(props: {
  i18n: I18n;
  names: OrganisationNames;
  alert: AlertView;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { i18n, alert, names } = props;
  const t = i18n.t;
  if (alert.status === 'closed') return null;
  const chosen =
    props.values?.departmentId ?? String(alert.assignedDepartmentId ?? alert.suggestedDepartmentId ?? '');
  return (
    <div class="columns">
      <form method="post" action={i18n.href(`/staff/alerts/${alert.id}/assignment`)}>
        <fieldset>
          <legend>{t('console.alerts.assign')}</legend>
          <Field
            i18n={i18n}
            id="alert-department"
            label={t('console.queue.department')}
            error={props.errors?.departmentId}
          >
            {(a) => (
              <select {...a} name="departmentId" required>
                <option value="">{t('console.field.department')}</option>
                {names.departments.map((d) => (
                  <option value={String(d.id)} selected={String(d.id) === chosen}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">{t('console.alerts.assign')}</button>
        </fieldset>
      </form>
      <form method="post" action={i18n.href(`/staff/alerts/${alert.id}/closure`)}>
        <fieldset>
          <legend>{t('console.alerts.respond')}</legend>
          <Field
            i18n={i18n}
            id="alert-kind"
            label={t('console.alerts.respond')}
            error={props.errors?.responseKind}
          >
            {(a) => (
              <select {...a} name="responseKind" required>
                {alertResponseKinds.map((k) => (
                  <option value={k} selected={props.values?.responseKind === k}>
                    {k}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field i18n={i18n} id="alert-note" label={t('console.mod.note')} error={props.errors?.note}>
            {(a) => (
              <textarea {...a} name="note" rows={3} maxlength={2000} required>
                {props.values?.note ?? ''}
              </textarea>
            )}
          </Field>
          <Field i18n={i18n} id="alert-url" label={t('console.answer.policyUrl')} error={props.errors?.url}>
            {(a) => <input {...a} name="url" type="url" value={props.values?.url ?? ''} />}
          </Field>
          <button type="submit">{t('console.alerts.close')}</button>
        </fieldset>
      </form>
    </div>
  );
}
