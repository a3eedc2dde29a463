import { z } from '@hono/zod-openapi';

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes')
  .openapi({ example: 'canteen' });
const nameZh = z.string().trim().min(1).max(40);
const nameEn = z.string().trim().min(1).max(80);
const id = z.number().int().positive();

export const AdminDepartment = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    parentId: z.number().int().nullable(),
  })
  .openapi('AdminDepartment');

export const CreateDepartmentBody = z
  .object({
    slug,
    nameZh,
    nameEn,
    parentId: id.nullable().openapi({ description: 'escalation goes here; null for a top-level unit' }),
  })
  .strict()
  .openapi('CreateDepartment');

export const UpdateDepartmentBody = z
  .object({
    nameZh: nameZh.optional(),
    nameEn: nameEn.optional(),
    parentId: id
      .nullable()
      .optional()
      .openapi({ description: 'move under another department (never under itself or below)' }),
  })
  .strict()
  .openapi('UpdateDepartment');

export const AdminCategory = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    answerDays: z.number().int(),
    defaultDepartmentId: z.number().int().nullable(),
  })
  .openapi('AdminCategory');

const answerDays = z.number().int().min(1).max(60);

export const CreateCategoryBody = z
  .object({
    slug,
    nameZh,
    nameEn,
    answerDays: answerDays.optional().openapi({ description: 'working days for a first answer (5)' }),
    defaultDepartmentId: id.nullable().optional(),
  })
  .strict()
  .openapi('CreateCategory');

export const UpdateCategoryBody = z
  .object({
    nameZh: nameZh.optional(),
    nameEn: nameEn.optional(),
    answerDays: answerDays.optional().openapi({ description: 'for appeals posted from now on' }),
    defaultDepartmentId: id.nullable().optional(),
  })
  .strict()
  .openapi('UpdateCategory');
