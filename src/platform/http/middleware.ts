import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv, AppServices } from './env.js';
import { AppError } from './errors.js';

/** Puts the dependencies on the context; built once, shared by every request. */
export function inject(deps: AppDeps & AppServices): MiddlewareHandler<AppEnv> {
  const entries = Object.entries(deps) as [keyof AppEnv['Variables'], never][];
  return async function injectDeps(c, next) {
    for (const [k, v] of entries) c.set(k, v);
    await next();
  };
}

/** One line per request: method, matched route pattern, status, duration. No path values, query, IP or UA. */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    c.var.log.info({
      msg: 'request',
      method: c.req.method,
      route: routePath(c, -1),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

/** Strict headers for every response; routes that may be cached say so themselves. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      browsingTopics: [],
      payment: [],
      usb: [],
    },
    referrerPolicy: 'no-referrer',
    crossOriginEmbedderPolicy: false,
  });
  return async function strictHeaders(c, next) {
    await headers(c, next);
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}

export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('BODY_TOO_LARGE');
    },
  });
  // a GET or HEAD has no body to limit; asking for one would build a full Request per read
  return async function limitWrites(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return limit(c, next);
  };
}

/** JSON API writes must say they are JSON; anything else is refused before a validator sees it. */
export function requireJson(): MiddlewareHandler<AppEnv> {
  return async function jsonOnly(c, next) {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    }
    await next();
  };
}
