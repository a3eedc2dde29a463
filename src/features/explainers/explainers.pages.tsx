import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { renderPage } from '../web/render-page.js';
import { ExplainerDetailView, ExplainerListView } from './explainers.views.js';
import { getExplainer, getVersion, listExplainers } from './explainers-read.service.js';

const ID = /^[1-9]\d{0,9}$/;

/** The public pages /explainers and /explainers/:id (?version=n shows an earlier version). */
export const explainerPages = new Hono<AppEnv>()
  .get('/explainers', compress(), async (c) => {
    const i18n = i18nOf(c);
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const page = await listExplainers(c.var.db, {
      q: q || undefined,
      cursor: c.req.query('cursor') || undefined,
      limit: 20,
    });
    const view = <ExplainerListView i18n={i18n} q={q} items={page.items} nextCursor={page.nextCursor} />;
    return renderPage(c, i18n, { title: i18n.t('explainers.title'), page: 'explainers' }, view);
  })
  .get('/explainers/:id', compress(), async (c) => {
    const i18n = i18nOf(c);
    const raw = c.req.param('id');
    if (!ID.test(raw)) throw new AppError('EXPLAINER_NOT_FOUND');
    const explainer = await getExplainer(c.var.db, Number(raw), c.var.clock.now());
    const wanted = c.req.query('version');
    const old = wanted ? explainer.versions.find((v) => String(v.version) === wanted) : undefined;
    const shown = old && old.version !== explainer.version ? await getVersion(c.var.db, old.id) : undefined;
    const view = (
      <ExplainerDetailView
        i18n={i18n}
        explainer={explainer}
        shown={shown}
        hasBundle={!!c.var.clientBundle?.()}
      />
    );
    const meta = { title: shown?.title ?? explainer.title, page: 'explainers', app: 'explainer' };
    return renderPage(c, i18n, meta, view);
  });
