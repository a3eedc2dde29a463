import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.js';
import { AppError, type ErrorCode, errorBody, errorStatus } from './errors.js';

function codeForHttpException(e: HTTPException): ErrorCode {
  switch (e.status) {
    case 400:
      return /json/i.test(e.message) ? 'MALFORMED_JSON' : 'BAD_REQUEST';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 413:
      return 'BODY_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return e.status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
  }
}

/** Renders any thrown error as `{ error: { code, message } }`; unknown errors are logged by name only. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  let code: ErrorCode;
  let details: unknown;
  if (err instanceof AppError) {
    code = err.code;
    details = err.details;
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
  } else if (err instanceof HTTPException) {
    code = codeForHttpException(err);
  } else {
    code = 'INTERNAL';
    // the name and stack frames, never the message: it may quote user input
    c.var.log?.error({
      msg: 'unhandled',
      error: err.name,
      stack: err.stack?.split('\n').slice(1, 4).join(' | '),
    });
  }
  c.header('Cache-Control', 'no-store');
  return c.json(errorBody(code, c.req.header('accept-language'), details), errorStatus(code));
}

function patternOf(path: string): RegExp {
  const body = path
    .split('/')
    .map((seg) =>
      seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${body}/?$`);
}

/**
 * 404 for unknown paths, 405 (with Allow) for a known path asked with another method.
 * @example app.notFound(notFound(app.routes))
 */
export function notFound(routes: readonly { method: string; path: string }[]) {
  let table: { method: string; pattern: RegExp }[] | undefined;
  return function notFoundOrMethod(c: Context<AppEnv>): Response {
    table ??= routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, pattern: patternOf(r.path) }));
    const allowed = [...new Set(table.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method))];
    if (allowed.length === 0) return handleError(new AppError('NOT_FOUND'), c);
    c.header('Allow', allowed.join(', '));
    return handleError(new AppError('METHOD_NOT_ALLOWED'), c);
  };
}
