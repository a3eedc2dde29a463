import { z } from '@hono/zod-openapi';
import { PageQuery, pageSchema } from '../../platform/http/pagination.js';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

const prompt = text(300).openapi({ example: '您每天通勤单程大约需要多久？' });
const options = z.array(text(100)).min(2).max(20);

export const QuestionInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('single'), prompt, options }),
    z.object({ kind: z.literal('multiple'), prompt, options }),
    z.object({
      kind: z.literal('scale'),
      prompt,
      min: z.number().int().min(0).max(10),
      max: z.number().int().min(1).max(10),
    }),
    z.object({ kind: z.literal('text'), prompt }),
  ])
  .refine((q) => q.kind !== 'scale' || q.max > q.min, { message: 'max must exceed min', path: ['max'] })
  .openapi('SurveyQuestion');

export const CreateSurveyBody = z
  .object({
    title: text(120).openapi({ example: '通勤班车满意度调查' }),
    description: z.string().max(5000).default(''),
    departmentId: z.number().int().positive().optional().openapi({ description: 'target group, if any' }),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    liveResults: z.boolean().default(false),
    k: z.number().int().min(5).max(100).default(5).openapi({
      description: 'smallest group any displayed aggregate may describe; fixed once published',
    }),
    questions: z.array(QuestionInput).min(1).max(50),
  })
  .refine((s) => Date.parse(s.closesAt) > Date.parse(s.opensAt), {
    message: 'closesAt must be after opensAt',
    path: ['closesAt'],
  })
  .openapi('CreateSurvey');

const QuestionOutput = z
  .object({
    kind: z.enum(['single', 'multiple', 'scale', 'text']),
    prompt: z.string(),
    options: z.array(z.string()).optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
  })
  .openapi('SurveyQuestionView');

export const surveyStatuses = ['draft', 'scheduled', 'open', 'closed'] as const;

export const Survey = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    departmentId: z.number().int().nullable(),
    questions: z.array(QuestionOutput),
    opensAt: z.string(),
    closesAt: z.string(),
    status: z.enum(surveyStatuses),
    liveResults: z.boolean(),
    k: z.number().int(),
    createdBy: z.number().int().openapi({ description: 'staff id: staff actions are attributable' }),
    publishedBy: z.number().int().nullable(),
    token: z
      .object({
        'token-type': z.literal(2),
        'token-key': z.string().openapi({ description: "this survey's own issuer key (base64url SPKI)" }),
        'token-challenge': z.string().openapi({ description: 'TokenChallenge (RFC 9577), base64url' }),
        'issuer-request-uri': z.string(),
      })
      .nullable()
      .openapi({ description: 'how to get the one token that answers this survey; null for drafts' }),
  })
  .openapi('Survey');

export const SurveyPage = pageSchema(Survey).openapi('SurveyPage');

export const SurveyListQuery = PageQuery.extend({
  status: z.enum(['scheduled', 'open', 'closed']).optional(),
});

export const SurveyIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const AnswerBody = z
  .object({
    departmentId: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .openapi({ description: 'your department, if you want to say; only used in protected breakdowns' }),
    answers: z
      .array(z.union([z.number().int(), z.array(z.number().int()).max(20), z.string().max(2000), z.null()]))
      .max(50)
      .openapi({
        description: 'answers[i] for questions[i]: option index, indexes, scale value, text, null',
      }),
  })
  .openapi('SurveyAnswer');

export const Accepted = z.object({ ok: z.literal(true) }).openapi('SurveyAnswerAccepted');

export const SurveyResultsSchema = z
  .object({
    k: z.number().int(),
    final: z.boolean(),
    responseCount: z.number().int().nullable().openapi({ description: 'null while fewer than k answered' }),
    departments: z.array(
      z.object({ departmentId: z.number().int().nullable(), respondents: z.number().int() }),
    ),
    otherRespondents: z.number().int(),
    questions: z.array(
      z.object({
        index: z.number().int(),
        kind: z.string(),
        prompt: z.string(),
        answered: z.number().int(),
        options: z.array(z.object({ label: z.string(), count: z.number(), percent: z.number() })).optional(),
        mean: z.number().optional(),
        byDepartment: z
          .array(
            z.object({
              departmentId: z.number().int().nullable(),
              cells: z.array(z.number().int().nullable()).openapi({ description: 'null = suppressed' }),
            }),
          )
          .optional(),
        texts: z.array(z.string()).optional(),
      }),
    ),
  })
  .openapi('SurveyResults');
