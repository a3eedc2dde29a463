import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { surveyResults } from '../surveys/survey-results.service.js';
import { surveyView } from '../surveys/survey-view.js';
import { SurveyListQuery } from '../surveys/surveys.schemas.js';
import { finaliseIfClosed, findSurvey, listSurveys } from '../surveys/surveys.service.js';
import { organisationNames } from './organisation-names.js';
import { renderError, viewed } from './pages.routes.js';
import { renderPage } from './render-page.js';
import { SurveyListView, SurveyView } from './survey.views.js';

/** Survey (网上调查) pages: the list, and one survey with its answer form and results. */
export const surveyPageRoutes = new Hono<AppEnv>()
  .get('/surveys', compress(), async (c) => {
    const i18n = i18nOf(c);
    const parsed = SurveyListQuery.safeParse({ cursor: c.req.query('cursor') || undefined });
    if (!parsed.success) throw new AppError('VALIDATION_FAILED');
    const page = await listSurveys(c.var.db, parsed.data, c.var.clock.now());
    await viewed(c, 'surveys');
    const surveys = page.items.map((s) => surveyView(c, s.survey, s.key));
    const view = <SurveyListView i18n={i18n} surveys={surveys} nextCursor={page.nextCursor} />;
    return renderPage(c, i18n, { title: i18n.t('survey.title'), page: 'surveys' }, view);
  })
  .get('/surveys/:id', compress(), async (c) => {
    const i18n = i18nOf(c);
    const raw = c.req.param('id');
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError('SURVEY_NOT_FOUND');
    const now = c.var.clock.now();
    await finaliseIfClosed(c.var.db, Number(raw), now);
    const { survey, key } = await findSurvey(c.var.db, Number(raw));
    if (!key || survey.publishedAt === null) throw new AppError('SURVEY_NOT_FOUND');
    const results = await surveyResults(c.var.db, survey, now).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'SURVEY_RESULTS_HIDDEN') return null;
      throw e;
    });
    const names = await organisationNames(c.var.db, i18n.locale);
    const view = (
      <SurveyView
        i18n={i18n}
        names={names}
        survey={surveyView(c, survey, key)}
        results={results}
        hasBundle={!!c.var.clientBundle?.()}
      />
    );
    return renderPage(c, i18n, { title: survey.title, page: 'surveys', app: 'survey' }, view);
  })
  .onError(renderError);
