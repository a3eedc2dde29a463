import { z } from '@hono/zod-openapi';
import {
  answerKinds,
  appealEventKinds,
  appealStatuses,
  commitmentKinds,
  commitmentOutcomes,
} from '../../../db/schema/index.js';

// worker text is stored exactly as written; only its size and emptiness are checked
export const workerText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

export const CreateAppealBody = z
  .object({
    title: workerText(120).openapi({ example: '早班班车发车太早' }),
    body: workerText(5000).openapi({ example: '机务段早班班车 5:10 发车，倒班职工赶不上。' }),
    categoryId: z.number().int().positive(),
    departmentId: z.number().int().positive().optional(),
  })
  .openapi('CreateAppeal');

export const CreatedAppeal = z
  .object({
    id: z.number().int(),
    pseudonym: z.string().openapi({ example: '职工·7F3A' }),
    receipt: z
      .string()
      .openapi({ description: 'shown once; keep it to follow up. The server keeps only a keyed hash.' }),
    status: z.enum(appealStatuses),
    publishAt: z.string().datetime(),
  })
  .openapi('CreatedAppeal');

export const TimelineEvent = z
  .object({
    kind: z.enum(appealEventKinds),
    at: z.string().datetime(),
    departmentId: z.number().int().nullable(),
    actorRole: z.string().nullable().openapi({ description: 'a role, never a person' }),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('TimelineEvent');

export const Commitment = z
  .object({
    id: z.number().int(),
    kind: z.enum(commitmentKinds),
    departmentId: z.number().int(),
    dueDate: z.string().openapi({ example: '2026-03-31' }),
    overdue: z.boolean().openapi({ description: 'the date has passed and no outcome was posted' }),
    outcome: z.enum(commitmentOutcomes).nullable(),
    outcomeText: z.string().nullable(),
    outcomeAt: z.string().datetime().nullable(),
  })
  .openapi('Commitment');

export const PublicAnswer = z
  .object({
    id: z.number().int(),
    round: z.number().int(),
    kind: z.enum(answerKinds),
    departmentId: z.number().int(),
    department: z.string().nullable(),
    responderRole: z.string(),
    at: z.string().datetime(),
    content: z.record(z.string(), z.unknown()).openapi({ description: "the kind's fields" }),
    commitments: z.array(Commitment),
  })
  .openapi('PublicAnswer');

const ExplainerRef = z.object({ id: z.number().int(), title: z.string() });
const ExplainerLinks = z
  .object({ answeredBy: z.array(ExplainerRef), askedUnder: z.array(ExplainerRef) })
  .openapi({ description: 'policy explainers that answer it (现实热点面对面), or under which it was asked' });

export const Appeal = z
  .object({
    id: z.number().int(),
    title: z.string(),
    body: z.string(),
    categoryId: z.number().int(),
    departmentId: z.number().int().nullable(),
    department: z.string().nullable(),
    status: z.enum(appealStatuses),
    pseudonym: z.string(),
    createdAt: z.string().datetime().openapi({ description: 'coarsened to the hour (or day)' }),
    cosignCount: z.number().int(),
    round: z.number().int().openapi({ description: '2 after an unsatisfied author reopened it' }),
    answerDueAt: z.string().datetime().nullable().openapi({ description: 'the public deadline clock' }),
    answerOverdue: z.boolean(),
    overdue: z.boolean().openapi({ description: 'answer overdue, or a commitment overdue' }),
    answers: z.array(PublicAnswer),
    timeline: z.array(TimelineEvent),
    explainers: ExplainerLinks,
  })
  .openapi('Appeal');

export const AppealIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
