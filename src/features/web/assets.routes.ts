import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../../platform/http/env.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { serviceWorker, staticFiles, webManifest } from './static-assets.js';

const YEAR = 'public, max-age=31536000, immutable';

/** The stylesheet, icons and bundle under versioned URLs, the manifest and the service worker. */
export const assetRoutes = new Hono<AppEnv>()
  .get('/assets/:file', compress(), (c) => {
    const path = `/assets/${c.req.param('file')}`;
    const file = staticFiles.get(path) ?? c.var.clientBundle?.()?.files.get(path);
    if (!file) return c.body(null, 404);
    c.header('Cache-Control', YEAR);
    c.header('Content-Type', file.type);
    c.header('Vary', 'Accept-Encoding');
    if (file.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body(file.gzip as Uint8Array<ArrayBuffer>);
    }
    return typeof file.body === 'string' ? c.body(file.body) : c.body(file.body as Uint8Array<ArrayBuffer>);
  })
  .get('/manifest.webmanifest', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Vary', 'Accept-Language');
    return c.body(webManifest(i18nOf(c)), 200, {
      'Content-Type': 'application/manifest+json; charset=utf-8',
    });
  })
  .get('/sw.js', (c) => {
    // revalidated on every check, so a new version of the offline page reaches phones at once
    c.header('Cache-Control', 'no-cache');
    return c.body(serviceWorker(), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
