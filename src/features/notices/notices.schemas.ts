import { z } from '@hono/zod-openapi';
import { PageQuery, pageSchema } from '../../platform/http/pagination.js';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

const Attachment = z
  .object({
    title: text(200),
    // links only: http(s), so no javascript: or data: URL reaches a reader
    url: z.url({ protocol: /^https?$/ }).max(2000),
  })
  .openapi('NoticeAttachment');

export const CreateNoticeBody = z
  .object({
    title: text(200).openapi({ example: '关于调整夜班通勤班车的通知' }),
    body: text(20000),
    departmentId: z.number().int().positive(),
    decidedOn: z.iso.date().openapi({ description: 'date of the decision (YYYY-MM-DD)' }),
    attachments: z.array(Attachment).max(20).default([]),
    appealIds: z
      .array(z.number().int().positive())
      .max(100)
      .default([])
      .openapi({ description: 'appeals this notice answers; shown on both sides' }),
  })
  .openapi('CreateNotice');

export const Notice = z
  .object({
    id: z.number().int(),
    title: z.string(),
    body: z.string(),
    departmentId: z.number().int(),
    departmentName: z.string(),
    decidedOn: z.string(),
    attachments: z.array(Attachment),
    appealIds: z.array(z.number().int()),
    publishedAt: z.string(),
    publishedBy: z
      .object({ displayName: z.string(), role: z.string() })
      .openapi({ description: 'staff act under their name' }),
  })
  .openapi('Notice');

export const NoticePage = pageSchema(Notice).openapi('NoticePage');

export const NoticeListQuery = PageQuery.extend({
  departmentId: z.coerce.number().int().positive().optional(),
  appealId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'notices answering this appeal' }),
});

export const NoticeIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const DepartmentSlugParam = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .openapi({ param: { name: 'slug', in: 'path' } }),
});
