import { z } from '@hono/zod-openapi';
import { appealStatuses } from '../../../db/schema/index.js';

// worker text is stored exactly as written; only its size and emptiness are checked
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

export const CreateAppealBody = z
  .object({
    title: text(120).openapi({ example: '早班班车发车太早' }),
    body: text(5000).openapi({ example: '机务段早班班车 5:10 发车，倒班职工赶不上。' }),
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
    kind: z.string(),
    at: z.string().datetime(),
    departmentId: z.number().int().nullable(),
    actorRole: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('TimelineEvent');

export const Appeal = z
  .object({
    id: z.number().int(),
    title: z.string(),
    body: z.string(),
    categoryId: z.number().int(),
    departmentId: z.number().int().nullable(),
    status: z.enum(appealStatuses),
    pseudonym: z.string(),
    createdAt: z.string().datetime().openapi({ description: 'coarsened to the hour (or day)' }),
    cosignCount: z.number().int(),
    timeline: z.array(TimelineEvent),
  })
  .openapi('Appeal');

export const AppealIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
