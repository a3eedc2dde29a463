import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { surveyView } from './survey-view.js';
import { CreateSurveyBody, Survey, SurveyIdParam, SurveyListQuery, SurveyPage } from './surveys.schemas.js';
import { closeSurvey, createSurvey, listSurveys, publishSurvey } from './surveys.service.js';

// responders build surveys for their own departments; admins and analysts for any
const BUILDERS = ['admin', 'analyst', 'responder'] as const;

const create = createRoute({
  method: 'post',
  path: '/api/v1/staff/surveys',
  tags: ['surveys', 'staff'],
  summary: 'Create a draft survey',
  middleware: [requireStaff(...BUILDERS)] as const,
  request: { body: jsonBody(CreateSurveyBody) },
  responses: { 201: jsonContent(Survey, 'The draft'), ...errorResponses(401, 403, 409, 422) },
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/staff/surveys',
  tags: ['surveys', 'staff'],
  summary: 'All surveys including drafts',
  middleware: [requireStaff(...BUILDERS)] as const,
  request: { query: SurveyListQuery },
  responses: { 200: jsonContent(SurveyPage, 'A page of surveys'), ...errorResponses(400, 401, 403) },
});

const publish = createRoute({
  method: 'post',
  path: '/api/v1/staff/surveys/{id}/publish',
  tags: ['surveys', 'staff'],
  summary: "Publish: freezes the survey and its k, creates the survey's own issuer key",
  middleware: [requireStaff(...BUILDERS)] as const,
  request: { params: SurveyIdParam },
  responses: { 200: jsonContent(Survey, 'Published'), ...errorResponses(401, 403, 404, 409) },
});

const close = createRoute({
  method: 'post',
  path: '/api/v1/staff/surveys/{id}/close',
  tags: ['surveys', 'staff'],
  summary: 'Close now; the survey key, ballots and spent nonces are erased',
  middleware: [requireStaff(...BUILDERS)] as const,
  request: { params: SurveyIdParam },
  responses: { 200: jsonContent(Survey, 'Closed'), ...errorResponses(401, 403, 404, 409) },
});

export const surveyStaffRoutes = router()
  .openapi(create, async (c) => {
    const row = await createSurvey(c.var.db, currentStaff(c), c.req.valid('json'), c.var.clock.now());
    return c.json(surveyView(c, row, null), 201);
  })
  .openapi(list, async (c) => {
    const page = await listSurveys(c.var.db, c.req.valid('query'), c.var.clock.now(), true);
    return c.json({ ...page, items: page.items.map((s) => surveyView(c, s.survey, s.key)) }, 200);
  })
  .openapi(publish, async (c) => {
    const { db, secrets, clock } = c.var;
    const { survey, key } = await publishSurvey(
      db,
      secrets,
      currentStaff(c),
      c.req.valid('param').id,
      clock.now(),
    );
    return c.json(surveyView(c, survey, key), 200);
  })
  .openapi(close, async (c) => {
    const { survey, key } = await closeSurvey(
      c.var.db,
      currentStaff(c),
      c.req.valid('param').id,
      c.var.clock.now(),
    );
    return c.json(surveyView(c, survey, key), 200);
  });
