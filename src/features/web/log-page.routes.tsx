import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../../platform/http/env.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { checkpointLog } from '../audit/index.js';
import { logHead, readEntries } from '../audit/log.service.js';
import { LogView } from './log.views.js';
import { renderError, viewed } from './pages.routes.js';
import { renderPage } from './render-page.js';

const RECENT = 20;

/** The public log page (/log): the same checkpoint as GET /api/v1/log/checkpoint, and the newest entries. */
export const logPageRoutes = new Hono<AppEnv>()
  .get('/log', compress(), async (c) => {
    const i18n = i18nOf(c);
    const checkpoint = await checkpointLog(c.var);
    const { size } = await logHead(c.var.db);
    const entries = (await readEntries(c.var.db, Math.max(0, size - RECENT), RECENT)).reverse();
    await viewed(c, 'log');
    const origin = new URL(c.var.config.PUBLIC_ORIGIN).origin;
    const view = <LogView i18n={i18n} checkpoint={checkpoint} entries={entries} origin={origin} />;
    return renderPage(c, i18n, { title: i18n.t('log.title'), page: 'log' }, view);
  })
  .onError(renderError);
