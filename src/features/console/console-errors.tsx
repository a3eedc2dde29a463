import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError, type ErrorCode, errorMessage, errorStatus } from '../../platform/http/errors.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { ErrorView } from '../web/error.views.js';
import { renderConsole } from './console-page.js';

function codeOf(err: Error): ErrorCode {
  if (err instanceof AppError) return err.code;
  if (err instanceof HTTPException) return err.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
  return 'INTERNAL';
}

/**
 * Console errors as pages: no session → the sign-in page (303 for a page, 401 page for a form POST is
 * not useful, so both redirect), a one-time password not yet changed → the password page, anything else
 * → an error page with the error's status. The app's error handler has already logged unknown errors and
 * made a JSON response; the page replaces it, keeping its headers (a cleared cookie, no-store).
 */
export function consoleErrors(): MiddlewareHandler<AppEnv> {
  return async function errorsAsPages(c, next) {
    await next();
    const err = c.error;
    if (!err) return;
    const code = codeOf(err);
    const i18n = i18nOf(c);
    if (code === 'STAFF_AUTH_REQUIRED') {
      c.res = c.redirect(i18n.href('/staff/sign-in'), 303);
      return;
    }
    if (code === 'PASSWORD_CHANGE_REQUIRED') {
      c.res = c.redirect(i18n.href('/staff/password'), 303);
      return;
    }
    const message = errorMessage(code, i18n.locale === 'en' ? 'en' : 'zh');
    c.res = await renderConsole(
      c,
      { title: i18n.t('error.heading'), page: 'error' },
      <ErrorView i18n={i18n} message={message} />,
      errorStatus(code),
    );
  };
}
