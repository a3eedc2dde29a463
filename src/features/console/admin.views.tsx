import { staffRoles } from '../../../db/schema/index.js';
import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import type { Settings } from '../admin/settings.service.js';
import type { listStaff } from '../admin/staff-admin.service.js';
import type { OrganisationNames } from '../web/organisation-names.js';
import { ErrorSummary, Field, type FieldErrors, type FormValues } from './console-form.js';

type StaffRow = Awaited<ReturnType<typeof listStaff>>[number];
const role = (i18n: I18n, r: string) => i18n.t(`role.${r}` as MessageKey);

/** A one-button form (rotate, disable, reset): the button says what it does; the POST is same-origin. */
function ActionButton(props: { action: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={props.action} class="inline">
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

function StaffTable(props: { i18n: I18n; names: OrganisationNames; staff: StaffRow[]; selfId: number }) {
  const { i18n } = props;
  const t = i18n.t;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('console.admin.staff')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.signIn.username')}</th>
            <th scope="col">{t('console.admin.displayName')}</th>
            <th scope="col">{t('console.admin.role')}</th>
            <th scope="col">{t('console.admin.departments')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {props.staff.map((s) => (
            <tr>
              <td>
                <bdi>{s.username}</bdi>
              </td>
              <td>
                <bdi>{s.displayName}</bdi>
              </td>
              <td>{role(i18n, s.role)}</td>
              <td>{s.departmentIds.map((d) => props.names.department(d)).join('、')}</td>
              <td>
                {s.disabled ? (
                  t('console.admin.disabled')
                ) : (
                  <>
                    {s.id !== props.selfId && (
                      <ActionButton
                        action={i18n.href(`/staff/admin/staff/${s.id}/disable`)}
                        label={t('console.admin.disable')}
                        secondary
                      />
                    )}
                    <ActionButton
                      action={i18n.href(`/staff/admin/staff/${s.id}/reset-password`)}
                      label={t('console.admin.resetPassword')}
                      secondary
                    />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateStaffForm(props: {
  i18n: I18n;
  names: OrganisationNames;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { i18n, values = {}, errors = {} } = props;
  const t = i18n.t;
  const labels = {
    username: t('console.signIn.username'),
    displayName: t('console.admin.displayName'),
    role: t('console.admin.role'),
    departmentIds: t('console.admin.departments'),
  };
  return (
    <form method="post" action={i18n.href('/staff/admin/staff')}>
      <fieldset>
        <legend>{t('console.admin.create')}</legend>
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <Field i18n={i18n} id="new-username" label={labels.username} error={errors.username}>
          {(a) => <input {...a} name="username" value={values.username ?? ''} required autocomplete="off" />}
        </Field>
        <Field i18n={i18n} id="new-displayName" label={labels.displayName} error={errors.displayName}>
          {(a) => <input {...a} name="displayName" value={values.displayName ?? ''} required />}
        </Field>
        <Field i18n={i18n} id="new-role" label={labels.role} error={errors.role}>
          {(a) => (
            <select {...a} name="role" required>
              {staffRoles.map((r) => (
                <option value={r} selected={values.role === r}>
                  {role(i18n, r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field i18n={i18n} id="new-departmentIds" label={labels.departmentIds} error={errors.departmentIds}>
          {(a) => (
            <select {...a} name="departmentIds" multiple size={5}>
              {props.names.departments.map((d) => (
                <option value={String(d.id)}>{d.name}</option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t('console.admin.create')}</button>
      </fieldset>
    </form>
  );
}

export function AdminView(props: {
  i18n: I18n;
  names: OrganisationNames;
  staff: StaffRow[];
  selfId: number;
  settings: Settings;
  /** what the last action returned (a one-time password is shown once) */
  oneTimePassword?: string;
  done?: boolean;
  create?: { values: FormValues; errors: FieldErrors };
}) {
  const { i18n } = props;
  const t = i18n.t;
  return (
    <>
      <h1>{t('console.admin.title')}</h1>
      {props.done && (
        <p class="notice info" role="status">
          {t('console.done')}
        </p>
      )}
      {props.oneTimePassword && (
        <p class="notice warn receipt" role="status">
          {t('console.admin.oneTimePassword', { password: props.oneTimePassword })}
        </p>
      )}
      <h2>{t('console.admin.staff')}</h2>
      <StaffTable i18n={i18n} names={props.names} staff={props.staff} selfId={props.selfId} />
      <CreateStaffForm
        i18n={i18n}
        names={props.names}
        values={props.create?.values}
        errors={props.create?.errors}
      />
      <h2>{t('console.admin.rotate')}</h2>
      <p class="actions">
        <ActionButton
          action={i18n.href('/staff/admin/salts/rotate')}
          label={t('console.admin.rotateSalts')}
        />
        <ActionButton
          action={i18n.href('/staff/admin/issuer-keys/rotate')}
          label={t('console.admin.rotateKeys')}
        />
      </p>
      <h2>{t('console.admin.settings')}</h2>
      <p class="help">{t('console.admin.settingsApi')}</p>
      <dl class="facts">
        {Object.entries(props.settings).map(([k, v]) => (
          <>
            <dt>
              <code>{k}</code>
            </dt>
            <dd>
              {Array.isArray(v) ? v.map((r) => role(i18n, String(r))).join('、') || '—' : String(v ?? '—')}
            </dd>
          </>
        ))}
      </dl>
    </>
  );
}
