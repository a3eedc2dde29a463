import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import { Field, type FieldErrors } from './console-form.js';

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  ticket: string;
}

/** Username, password and the authenticator code; the TOTP secret to add when enrolment is required. */
export function SignInView(props: {
  i18n: I18n;
  username?: string;
  message?: string;
  notice?: MessageKey;
  enrolment?: Enrolment;
}) {
  const { i18n } = props;
  const t = i18n.t;
  return (
    <div class="narrow">
      <h1>{t('console.signIn.title')}</h1>
      <p class="help">{t('console.signIn.note')}</p>
      {props.notice && (
        <p class="notice info" role="status">
          {t(props.notice)}
        </p>
      )}
      {props.message && (
        <p class="notice warn" role="alert">
          {props.message}
        </p>
      )}
      {props.enrolment && (
        <div class="notice info">
          <p>{t('console.signIn.enrol')}</p>
          <p>
            {t('console.signIn.secret')}: <code>{props.enrolment.secret}</code>
          </p>
          <p class="receipt">{props.enrolment.otpauthUri}</p>
        </div>
      )}
      <form method="post" action={i18n.href('/staff/sign-in')}>
        {props.enrolment && <input type="hidden" name="totpEnrolment" value={props.enrolment.ticket} />}
        <Field i18n={i18n} id="username" label={t('console.signIn.username')}>
          {(a) => (
            <input {...a} name="username" value={props.username ?? ''} autocomplete="username" required />
          )}
        </Field>
        <Field i18n={i18n} id="password" label={t('console.signIn.password')}>
          {(a) => <input {...a} name="password" type="password" autocomplete="current-password" required />}
        </Field>
        <Field i18n={i18n} id="totp" label={t('console.signIn.totp')} help={t('console.signIn.totpHelp')}>
          {(a) => (
            <input
              {...a}
              name="totp"
              inputmode="numeric"
              pattern="[0-9]{6}"
              maxlength={6}
              autocomplete="one-time-code"
            />
          )}
        </Field>
        <p class="actions">
          <button type="submit">{t('console.signIn.submit')}</button>
        </p>
      </form>
    </div>
  );
}

/** Change password; on the first sign-in nothing else is reachable until this is done. */
export function PasswordView(props: { i18n: I18n; forced: boolean; message?: string; errors?: FieldErrors }) {
  const { i18n } = props;
  const t = i18n.t;
  return (
    <div class="narrow">
      <h1>{t('console.password.title')}</h1>
      {props.forced && <p class="notice warn">{t('console.password.forced')}</p>}
      {props.message && (
        <p class="notice warn" role="alert">
          {props.message}
        </p>
      )}
      <form method="post" action={i18n.href('/staff/password')}>
        <Field
          i18n={i18n}
          id="currentPassword"
          label={t('console.password.current')}
          error={props.errors?.currentPassword}
        >
          {(a) => (
            <input {...a} name="currentPassword" type="password" autocomplete="current-password" required />
          )}
        </Field>
        <Field
          i18n={i18n}
          id="newPassword"
          label={t('console.password.new')}
          error={props.errors?.newPassword}
        >
          {(a) => (
            <input
              {...a}
              name="newPassword"
              type="password"
              autocomplete="new-password"
              minlength={12}
              required
            />
          )}
        </Field>
        <p class="actions">
          <button type="submit">{t('console.password.submit')}</button>
        </p>
      </form>
    </div>
  );
}
