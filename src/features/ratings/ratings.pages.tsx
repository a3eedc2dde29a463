import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { renderPage } from '../web/render-page.js';
import { listComments } from './comments.service.js';
import { lastEndedPeriod, PERIOD_PATTERN, periodOf, previousPeriod } from './periods.js';
import { ratingCard } from './rating-card.js';
import { ratedDepartment } from './rating-scope.service.js';
import { LeagueView, ScorecardView } from './ratings.views.js';
import { leagueTable } from './scorecard.service.js';

/** `?period=` if well formed, else the last ended period, the latest with scores (a page never fails on a typo). */
function periodParam(raw: string | undefined, now: number): string {
  return raw && PERIOD_PATTERN.test(raw) ? raw : lastEndedPeriod(now);
}

/** The public pages of department evaluation: /ratings and /departments/:id/scorecard. */
export const ratingsPages = new Hono<AppEnv>()
  .get('/ratings', compress(), async (c) => {
    const i18n = i18nOf(c);
    const now = c.var.clock.now();
    const league = await leagueTable(c.var.db, periodParam(c.req.query('period'), now), now);
    const nav = { previous: previousPeriod(league.period), running: periodOf(now) };
    const view = <LeagueView i18n={i18n} league={league} nav={nav} />;
    return renderPage(c, i18n, { title: i18n.t('ratings.title'), page: 'ratings' }, view);
  })
  .get('/departments/:id/scorecard', compress(), async (c) => {
    const i18n = i18nOf(c);
    const raw = c.req.param('id');
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError('RATING_DEPARTMENT_NOT_FOUND');
    const dept = await ratedDepartment(c.var.db, Number(raw));
    const now = c.var.clock.now();
    const period = periodParam(c.req.query('period'), now);
    const card = await ratingCard(c, dept, period);
    const comments = await listComments(c.var.db, dept.id, period, {
      cursor: c.req.query('cursor') || undefined,
      limit: 20,
    });
    const view = (
      <ScorecardView
        i18n={i18n}
        card={card}
        comments={comments}
        nav={{ previous: previousPeriod(period), running: periodOf(now) }}
        hasBundle={!!c.var.clientBundle?.()}
      />
    );
    const title = `${i18n.locale === 'en' ? dept.nameEn : dept.nameZh} · ${i18n.t('ratings.title')}`;
    // the bundle only where there is something to rate
    return renderPage(c, i18n, { title, page: 'ratings', app: card.token ? 'rating' : undefined }, view);
  });
