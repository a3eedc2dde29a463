import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, privateToken, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import {
  AskedQuestion,
  AskQuestionBody,
  CreateExplainerBody,
  EditExplainerBody,
  Explainer,
  ExplainerIdParam,
  ExplainerListQuery,
  ExplainerPage,
  ExplainerVersion,
  LinkAppealsBody,
  VersionIdParam,
} from './explainers.schemas.js';
import { editExplainer, linkAnsweredAppeals, publishExplainer } from './explainers.service.js';
import { getExplainer, getVersion, listExplainers } from './explainers-read.service.js';
import { askQuestion } from './questions.service.js';

const tags = ['explainers'];
const staffTags = ['explainers', 'staff'];
// admins for every department, responders for their own (checked in the service)
const publishers = requireStaff('admin', 'responder');

const list = createRoute({
  method: 'get',
  path: '/api/v1/explainers',
  tags,
  summary: 'Policy explainers (政策解读), latest first; filter by department or category, search by words',
  request: { query: ExplainerListQuery },
  responses: { 200: jsonContent(ExplainerPage, 'A page of explainers'), ...errorResponses(400, 422) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/explainers/{id}',
  tags,
  summary: 'An explainer with its version history, questions and the appeals it answers',
  request: { params: ExplainerIdParam },
  responses: { 200: jsonContent(Explainer, 'The explainer'), ...errorResponses(404, 422) },
});

const version = createRoute({
  method: 'get',
  path: '/api/v1/explainer-versions/{id}',
  tags,
  summary: 'One version as published (its title, summary and body are committed on the public log)',
  request: { params: VersionIdParam },
  responses: { 200: jsonContent(ExplainerVersion, 'The version'), ...errorResponses(404, 422) },
});

const ask = createRoute({
  method: 'post',
  path: '/api/v1/explainers/{id}/questions',
  tags,
  summary: 'Ask a question under an explainer: an appeal to its department (spends one anonymous token)',
  security: privateToken,
  request: { params: ExplainerIdParam, body: jsonBody(AskQuestionBody) },
  responses: {
    201: jsonContent(AskedQuestion, 'Stored as an appeal. The receipt is shown only now.'),
    ...errorResponses(401, 404, 409, 413, 415, 422),
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/v1/staff/explainers',
  tags: staffTags,
  summary: 'Publish an explainer under your name (responders for their departments)',
  middleware: [publishers] as const,
  request: { body: jsonBody(CreateExplainerBody) },
  responses: { 201: jsonContent(Explainer, 'Published'), ...errorResponses(401, 403, 413, 422) },
});

const edit = createRoute({
  method: 'put',
  path: '/api/v1/staff/explainers/{id}',
  tags: staffTags,
  summary: 'Edit: adds the next version; every version stays public',
  middleware: [publishers] as const,
  request: { params: ExplainerIdParam, body: jsonBody(EditExplainerBody) },
  responses: {
    200: jsonContent(Explainer, 'The new version'),
    ...errorResponses(401, 403, 404, 409, 413, 422),
  },
});

const link = createRoute({
  method: 'post',
  path: '/api/v1/staff/explainers/{id}/answered-appeals',
  tags: staffTags,
  summary: '现实热点面对面: mark the explainer as the answer to these appeals (shown on both sides)',
  middleware: [publishers] as const,
  request: { params: ExplainerIdParam, body: jsonBody(LinkAppealsBody) },
  responses: { 200: jsonContent(Explainer, 'Linked'), ...errorResponses(401, 403, 404, 422) },
});

/** Policy explainers (政策解读): staff publish and edit in versions, workers ask, everyone reads. */
export const explainersRoutes = router()
  .openapi(list, async (c) => c.json(await listExplainers(c.var.db, c.req.valid('query')), 200))
  .openapi(get, async (c) =>
    c.json(await getExplainer(c.var.db, c.req.valid('param').id, c.var.clock.now()), 200),
  )
  .openapi(version, async (c) => c.json(await getVersion(c.var.db, c.req.valid('param').id), 200))
  .openapi(ask, async (c) => {
    const input = c.req.valid('json');
    const { id } = c.req.valid('param');
    const spend = await c.var.tokens.redeem(c.req.header('authorization'));
    const { db, config, secrets, tokens } = c.var;
    const created = await askQuestion(
      { db, config, secrets, tokens, now: c.var.clock.now() },
      spend,
      id,
      input,
    );
    return c.json({ ...created, publishAt: new Date(created.publishAt).toISOString() }, 201);
  })
  .openapi(create, async (c) => {
    const now = c.var.clock.now();
    const id = await publishExplainer(c.var.db, currentStaff(c), c.req.valid('json'), now);
    return c.json(await getExplainer(c.var.db, id, now), 201);
  })
  .openapi(edit, async (c) => {
    const now = c.var.clock.now();
    const { id } = c.req.valid('param');
    await editExplainer(c.var.db, currentStaff(c), id, c.req.valid('json'), now);
    return c.json(await getExplainer(c.var.db, id, now), 200);
  })
  .openapi(link, async (c) => {
    const now = c.var.clock.now();
    const { id } = c.req.valid('param');
    await linkAnsweredAppeals(c.var.db, currentStaff(c), id, c.req.valid('json').appealIds, now);
    return c.json(await getExplainer(c.var.db, id, now), 200);
  });
