import type { AppealStatus } from '../../../db/schema/index.js';
import type { I18n } from '../../platform/views/i18n/locale.js';
import { StatusBadge } from '../web/components.js';
import type { OrganisationNames } from '../web/organisation-names.js';
import { Field, type FieldErrors, type FormValues } from './console-form.js';

/** An appeal as the staff queue service returns it. */
export interface QueueRow {
  id: number;
  title: string;
  status: AppealStatus;
  departmentId: number | null;
  cosignCount: number;
  answerDueAt: string | null;
  overdue: boolean;
}

/** The work queue as a table: overdue rows marked in words (not only colour), deadlines as dates. */
export function QueueTable(props: {
  i18n: I18n;
  names: OrganisationNames;
  rows: QueueRow[];
  caption: string;
  action?: (row: QueueRow) => unknown;
}) {
  const { i18n, names } = props;
  const t = i18n.t;
  if (props.rows.length === 0) return <p>{t('console.queue.empty')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.queue.appeal')}</th>
            <th scope="col">{t('console.queue.status')}</th>
            <th scope="col">{t('console.queue.department')}</th>
            <th scope="col">{t('console.queue.due')}</th>
            <th scope="col">{t('console.queue.cosigns')}</th>
            {props.action && <th scope="col">{t('console.routing.to')}</th>}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr class={r.overdue ? 'overdue' : undefined}>
              <td>
                <a href={i18n.href(`/staff/appeals/${r.id}`)}>
                  <bdi>{r.title}</bdi>
                </a>
              </td>
              <td>
                <StatusBadge i18n={i18n} status={r.status} />
              </td>
              <td>{names.department(r.departmentId) ?? t('console.queue.unassigned')}</td>
              <td>
                {r.answerDueAt ? (
                  <time datetime={r.answerDueAt}>{i18n.dateTime(r.answerDueAt)}</time>
                ) : (
                  t('console.queue.noDue')
                )}{' '}
                {r.overdue && <span class="badge warn">{t('appeal.overdue')}</span>}
              </td>
              <td>{i18n.number(r.cosignCount)}</td>
              {props.action && <td>{props.action(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Assign or reassign to a department, with a public reason. */
export function ReassignForm(props: {
  i18n: I18n;
  names: OrganisationNames;
  appealId: number;
  current: number | null;
  values?: FormValues;
  errors?: FieldErrors;
  /** the routing view: come back there after assigning */
  from?: 'routing';
}) {
  const { i18n, names, appealId } = props;
  const t = i18n.t;
  const chosen = props.values?.departmentId;
  return (
    <form method="post" action={i18n.href(`/staff/appeals/${appealId}/assignment`)} class="reassign">
      {props.from && <input type="hidden" name="from" value={props.from} />}
      <Field
        i18n={i18n}
        id={`to-${appealId}`}
        label={t('console.routing.to')}
        error={props.errors?.departmentId}
      >
        {(a) => (
          <select {...a} name="departmentId" required>
            <option value="">{t('console.field.department')}</option>
            {names.departments
              .filter((d) => d.id !== props.current)
              .map((d) => (
                <option value={String(d.id)} selected={String(d.id) === chosen}>
                  {d.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field
        i18n={i18n}
        id={`reason-${appealId}`}
        label={t('console.routing.reason')}
        error={props.errors?.reason}
      >
        {(a) => <input {...a} name="reason" value={props.values?.reason ?? ''} maxlength={1000} required />}
      </Field>
      <button type="submit">{t('console.routing.submit')}</button>
    </form>
  );
}
