import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { staffRoles } from '../../../db/schema/index.js';
import { MINUTE } from '../../platform/clock.js';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError, errorMessage, errorStatus } from '../../platform/http/errors.js';
import { type I18n, i18nOf } from '../../platform/views/i18n/locale.js';
import {
  changePassword,
  checkSameOrigin,
  clearStaffCookie,
  currentStaff,
  loadActor,
  passwordSignIn,
  requireStaff,
  revokeSession,
  STAFF_COOKIE,
  setStaffCookie,
  startSession,
} from '../staff/index.js';
import { ChangePasswordBody, SignInBody } from '../staff/staff.schemas.js';
import { issuesToFields, readForm } from './console-form.js';
import { homeOf, renderConsole } from './console-page.js';
import { type Enrolment, PasswordView, SignInView } from './sign-in.views.js';

// what a wrong sign-in may say on the form; anything else is an error page
const signInRefusals = new Set(['SIGNIN_FAILED', 'TOTP_REQUIRED', 'TOTP_INVALID', 'TOTP_TICKET_INVALID']);

const lang = (i18n: I18n) => (i18n.locale === 'en' ? 'en' : 'zh');

/** Sign-in, sign-out and the password change of the staff console, over the staff feature's services. */
export const sessionPages = new Hono<AppEnv>()
  .get('/staff', requireStaff(...staffRoles), (c) =>
    c.redirect(i18nOf(c).href(homeOf(currentStaff(c).role)), 303),
  )
  .get('/staff/sign-in', (c) => {
    const i18n = i18nOf(c);
    const view = (
      <SignInView i18n={i18n} notice={c.req.query('out') ? 'console.signIn.signedOut' : undefined} />
    );
    return renderConsole(c, { title: i18n.t('console.signIn.title'), page: 'sign-in' }, view);
  })
  .post('/staff/sign-in', async (c) => {
    checkSameOrigin(c);
    const i18n = i18nOf(c);
    const form = await readForm(c);
    const { db, config, secrets, clock } = c.var;
    const now = clock.now();
    const parsed = SignInBody.safeParse({
      username: form.username,
      password: form.password,
      totp: form.totp || undefined,
      totpEnrolment: form.totpEnrolment || undefined,
    });
    const again = (status: 401 | 422 | 429, message: string, enrolment?: Enrolment) =>
      renderConsole(
        c,
        { title: i18n.t('console.signIn.title'), page: 'sign-in' },
        <SignInView i18n={i18n} username={form.username} message={message} enrolment={enrolment} />,
        status,
      );
    if (!parsed.success) return again(422, errorMessage('VALIDATION_FAILED', lang(i18n)));
    let id: number;
    try {
      id = await passwordSignIn({ db, config, secrets, now }, parsed.data, c.var.clientAddress?.(c) ?? '');
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'TOTP_ENROLMENT_REQUIRED')
        return again(
          401,
          errorMessage(e.code, lang(i18n)),
          (e.details as { enrolment: Enrolment }).enrolment,
        );
      if (signInRefusals.has(e.code) || e.code === 'RATE_LIMITED')
        return again(errorStatus(e.code) as 401 | 429, errorMessage(e.code, lang(i18n)));
      throw e;
    }
    setStaffCookie(c, await startSession(db, secrets, id, now, config.STAFF_IDLE_MINUTES * MINUTE));
    const actor = await loadActor(db, id);
    return c.redirect(i18n.href(actor?.mustChangePassword ? '/staff/password' : homeOf(actor!.role)), 303);
  })
  .post('/staff/sign-out', async (c) => {
    checkSameOrigin(c);
    const token = getCookie(c, STAFF_COOKIE);
    if (token) await revokeSession(c.var.db, c.var.secrets, token, c.var.clock.now());
    clearStaffCookie(c);
    return c.redirect(i18nOf(c).href('/staff/sign-in', { out: 1 }), 303);
  })
  .get('/staff/password', requireStaff(...staffRoles), (c) => {
    const i18n = i18nOf(c);
    const view = <PasswordView i18n={i18n} forced={currentStaff(c).mustChangePassword} />;
    return renderConsole(c, { title: i18n.t('console.password.title'), page: 'password' }, view);
  })
  .post('/staff/password', requireStaff(...staffRoles), async (c) => {
    const i18n = i18nOf(c);
    const actor = currentStaff(c);
    const { db, secrets, config, clock } = c.var;
    const now = clock.now();
    const parsed = ChangePasswordBody.safeParse(await readForm(c));
    const again = (status: 401 | 422, message?: string, errors = {}) =>
      renderConsole(
        c,
        { title: i18n.t('console.password.title'), page: 'password' },
        <PasswordView i18n={i18n} forced={actor.mustChangePassword} message={message} errors={errors} />,
        status,
      );
    if (!parsed.success) return again(422, undefined, issuesToFields(parsed.error));
    try {
      await changePassword(db, actor.id, parsed.data, now);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'SIGNIN_FAILED' || e.code === 'PASSWORD_TOO_WEAK'))
        return again(errorStatus(e.code) as 401 | 422, errorMessage(e.code, lang(i18n)));
      throw e;
    }
    setStaffCookie(c, await startSession(db, secrets, actor.id, now, config.STAFF_IDLE_MINUTES * MINUTE));
    return c.redirect(i18n.href(homeOf(actor.role)), 303);
  });
