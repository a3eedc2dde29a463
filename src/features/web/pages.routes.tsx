import type { Context } from 'hono';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError, type ErrorCode, errorMessage, errorStatus } from '../../platform/http/errors.js';
import { type I18n, i18nOf } from '../../platform/views/i18n/locale.js';
import { getAppeal } from '../appeals/detail.service.js';
import { listAppeals } from '../appeals/list.service.js';
import { viewed } from '../appeals/page-views.js';
import { ListQuery, StatsQuery } from '../appeals/public.schemas.js';
import { statistics } from '../appeals/stats.service.js';
import { getNotice, listNotices } from '../notices/notices.service.js';
import { AppealDetailView } from './appeal-detail.views.js';
import { AppealListView, type FieldError, type ListForm } from './appeal-list.views.js';
import { ErrorView, OfflineView } from './error.views.js';
import { HomeView } from './home.views.js';
import { NoticeDetailView, NoticeListView } from './notices.views.js';
import { organisationNames } from './organisation-names.js';
import { PostView } from './post.views.js';
import { renderPage } from './render-page.js';
import { StatsView } from './stats.views.js';
import { PrivacyFacts, WalletView } from './wallet.views.js';

// the forum, survey and log pages count their views with the same helper
export { viewed };

/** The query parameters a form may send, empty ones dropped (a form submits every field). */
function formOf<K extends string>(c: Context, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = c.req.query(k);
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

export function renderError(err: Error, c: Context<AppEnv>) {
  const i18n: I18n = i18nOf(c);
  let code: ErrorCode = 'INTERNAL';
  if (err instanceof AppError) code = err.code;
  else if (err instanceof HTTPException) code = err.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
  // the name only: a message may quote what a worker wrote
  else c.var.log.error({ msg: 'page failed', error: err.name });
  const message = errorMessage(code, i18n.locale === 'en' ? 'en' : 'zh');
  return renderPage(
    c,
    i18n,
    { title: i18n.t('error.heading'), page: 'error' },
    <ErrorView i18n={i18n} message={message} />,
    errorStatus(code),
  );
}

const listKeys = ['q', 'status', 'categoryId', 'departmentId', 'overdue', 'sort', 'cursor'] as const;

/** The public pages, server-rendered, in Chinese or English; readable without JavaScript. */
export const pageRoutes = new Hono<AppEnv>()
  .get('/', compress(), async (c) => {
    const i18n = i18nOf(c);
    const { db } = c.var;
    const now = c.var.clock.now();
    const [names, answered, overdue] = await Promise.all([
      organisationNames(db, i18n.locale),
      listAppeals(db, { status: 'answered', limit: 5 }, now),
      listAppeals(db, { overdue: true, limit: 5 }, now),
    ]);
    await viewed(c, 'home');
    const view = <HomeView i18n={i18n} names={names} answered={answered.items} overdue={overdue.items} />;
    return renderPage(c, i18n, { title: i18n.t('home.title'), page: 'home' }, view);
  })
  .get('/appeals', compress(), async (c) => {
    const i18n = i18nOf(c);
    const form: ListForm = formOf(c, listKeys);
    const names = await organisationNames(c.var.db, i18n.locale);
    const parsed = ListQuery.safeParse(form);
    let errors: FieldError[] = [];
    let page: Awaited<ReturnType<typeof listAppeals>> | undefined;
    if (!parsed.success)
      errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    else {
      try {
        page = await listAppeals(c.var.db, parsed.data, c.var.clock.now());
      } catch (e) {
        if (!(e instanceof AppError) || (e.code !== 'VALIDATION_FAILED' && e.code !== 'CURSOR_INVALID'))
          throw e;
        errors =
          e.code === 'CURSOR_INVALID' ? [{ path: 'cursor', message: e.code }] : (e.details as FieldError[]);
      }
    }
    await viewed(c, 'appeals');
    const view = <AppealListView i18n={i18n} names={names} form={form} errors={errors} page={page} />;
    return renderPage(
      c,
      i18n,
      { title: i18n.t('list.title'), page: 'appeals' },
      view,
      errors.length ? 422 : 200,
    );
  })
  .get('/appeals/:id', compress(), async (c) => {
    const i18n = i18nOf(c);
    const raw = c.req.param('id');
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError('APPEAL_NOT_FOUND');
    const id = Number(raw);
    const [names, appeal] = await Promise.all([
      organisationNames(c.var.db, i18n.locale),
      getAppeal(c.var.db, id, c.var.clock.now()),
    ]);
    await viewed(c, `appeal:${id}`, id);
    return renderPage(
      c,
      i18n,
      { title: appeal.title, page: 'appeals', app: 'appeal' },
      <AppealDetailView i18n={i18n} names={names} appeal={appeal} hasBundle={!!c.var.clientBundle?.()} />,
    );
  })
  .get('/post', compress(), async (c) => {
    const i18n = i18nOf(c);
    const names = await organisationNames(c.var.db, i18n.locale);
    const view = <PostView i18n={i18n} categories={names.categories} hasBundle={!!c.var.clientBundle?.()} />;
    return renderPage(c, i18n, { title: i18n.t('post.title'), page: 'post', wallet: true }, view);
  })
  .get('/wallet', compress(), async (c) => {
    const i18n = i18nOf(c);
    const view = <WalletView i18n={i18n} hasBundle={!!c.var.clientBundle?.()} />;
    return renderPage(c, i18n, { title: i18n.t('wallet.title'), page: 'wallet', wallet: true }, view);
  })
  .get('/privacy', compress(), async (c) => {
    const i18n = i18nOf(c);
    return renderPage(
      c,
      i18n,
      { title: i18n.t('privacy.title'), page: 'privacy' },
      <PrivacyFacts i18n={i18n} headingLevel={1} />,
    );
  })
  .get('/stats', compress(), async (c) => {
    const i18n = i18nOf(c);
    const form = formOf(c, ['from', 'to', 'departmentId'] as const);
    const parsed = StatsQuery.safeParse(form);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED');
    const [names, stats] = await Promise.all([
      organisationNames(c.var.db, i18n.locale),
      statistics(c.var.db, parsed.data, c.var.clock.now()),
    ]);
    await viewed(c, 'stats');
    return renderPage(
      c,
      i18n,
      { title: i18n.t('stats.title'), page: 'stats' },
      <StatsView i18n={i18n} names={names} stats={stats} form={form} />,
    );
  })
  .get('/notices', compress(), async (c) => {
    const i18n = i18nOf(c);
    const cursor = c.req.query('cursor') || undefined;
    const page = await listNotices(c.var.db, { cursor, limit: 20 });
    await viewed(c, 'notices');
    const view = <NoticeListView i18n={i18n} items={page.items} nextCursor={page.nextCursor} />;
    return renderPage(c, i18n, { title: i18n.t('notices.title'), page: 'notices' }, view);
  })
  .get('/notices/:id', compress(), async (c) => {
    const i18n = i18nOf(c);
    const raw = c.req.param('id');
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError('NOTICE_NOT_FOUND');
    const notice = await getNotice(c.var.db, Number(raw));
    return renderPage(
      c,
      i18n,
      { title: notice.title, page: 'notices' },
      <NoticeDetailView i18n={i18n} notice={notice} />,
    );
  })
  .get('/offline', async (c) => {
    const i18n = i18nOf(c);
    return renderPage(
      c,
      i18n,
      { title: i18n.t('offline.title'), page: 'offline' },
      <OfflineView i18n={i18n} />,
    );
  })
  .onError(renderError);
