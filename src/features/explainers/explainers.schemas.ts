import { z } from '@hono/zod-openapi';
import { PageQuery, pageSchema } from '../../platform/http/pagination.js';
import { CreateAppealBody, CreatedAppeal, workerText as text } from '../appeals/appeals.schemas.js';

const ids = (max: number) => z.array(z.number().int().positive()).max(max);

const fields = {
  title: text(200).openapi({ example: '夜班津贴新标准解读' }),
  summary: text(1000).openapi({ description: 'plain text, a few sentences' }),
  body: text(50_000).openapi({
    description: 'Markdown; raw HTML is shown as text, links only to http(s), mailto and this site',
  }),
  effectiveOn: z.iso.date().openapi({ description: 'the date the policy takes effect (YYYY-MM-DD)' }),
  categoryIds: ids(10).default([]),
};

export const CreateExplainerBody = z
  .object({ ...fields, departmentId: z.number().int().positive() })
  .openapi('CreateExplainer');

export const EditExplainerBody = z
  .object({
    ...fields,
    baseVersion: z
      .number()
      .int()
      .positive()
      .openapi({ description: 'the version you edited; another edit since then → 409' }),
    note: z.string().max(500).default('').openapi({ description: 'what changed, shown in the history' }),
  })
  .openapi('EditExplainer');

export const LinkAppealsBody = z
  .object({ appealIds: ids(100).min(1).openapi({ description: 'appeals this explainer answers' }) })
  .openapi('LinkExplainerAppeals');

export const AskQuestionBody = CreateAppealBody.omit({ departmentId: true, categoryId: true })
  .extend({
    categoryId: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "defaults to the explainer's first category" }),
  })
  .openapi('AskExplainerQuestion');
export const AskedQuestion = CreatedAppeal;

const Version = z
  .object({
    id: z.number().int(),
    explainerId: z.number().int(),
    version: z.number().int(),
    title: z.string(),
    summary: z.string(),
    body: z.string().openapi({ description: 'Markdown as written' }),
    effectiveOn: z.string(),
    categoryIds: z.array(z.number().int()),
    note: z.string(),
    editedBy: z.object({ displayName: z.string(), role: z.string() }),
    createdAt: z.string(),
  })
  .openapi('ExplainerVersion');

export const ExplainerVersion = Version.extend({ bodyHtml: z.string() }).openapi('ExplainerVersionDetail');

const AppealRef = z.object({ id: z.number().int(), title: z.string(), status: z.string() });

export const ExplainerSummary = z
  .object({
    id: z.number().int(),
    title: z.string(),
    summary: z.string(),
    departmentId: z.number().int(),
    departmentName: z.string(),
    categoryIds: z.array(z.number().int()),
    effectiveOn: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ExplainerSummary');

export const Explainer = ExplainerSummary.extend({
  body: z.string(),
  bodyHtml: z.string().openapi({ description: 'the body rendered to safe HTML' }),
  versions: z.array(Version.omit({ body: true })).openapi({ description: 'newest first' }),
  questions: z.array(AppealRef).openapi({ description: 'questions asked under it (appeals)' }),
  answers: z.array(AppealRef).openapi({ description: '现实热点面对面: the appeals it answers' }),
}).openapi('Explainer');

export const ExplainerPage = pageSchema(ExplainerSummary).openapi('ExplainerPage');

export const ExplainerListQuery = PageQuery.extend({
  departmentId: z.coerce.number().int().positive().optional(),
  categoryId: z.coerce.number().int().positive().optional(),
});

const idParam = z.coerce
  .number()
  .int()
  .positive()
  .openapi({ param: { name: 'id', in: 'path' } });
export const ExplainerIdParam = z.object({ id: idParam });
export const VersionIdParam = z.object({ id: idParam });
