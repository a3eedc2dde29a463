import { createRoute, z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { categories, departments } from '../../../db/schema/index.js';
import { router } from '../../platform/http/openapi.js';

const Department = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string().openapi({ description: '中文名称' }),
    nameEn: z.string(),
    parentId: z.number().int().nullable(),
  })
  .openapi('Department');

const Category = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    nameEn: z.string(),
    answerDays: z.number().int().openapi({ description: 'working days for a first answer' }),
    defaultDepartmentId: z.number().int().nullable(),
  })
  .openapi('Category');

const listDepartments = createRoute({
  method: 'get',
  path: '/api/v1/departments',
  tags: ['organisation'],
  responses: {
    200: { description: 'All departments', content: { 'application/json': { schema: z.array(Department) } } },
  },
});

const listCategories = createRoute({
  method: 'get',
  path: '/api/v1/categories',
  tags: ['organisation'],
  responses: {
    200: { description: 'All categories', content: { 'application/json': { schema: z.array(Category) } } },
  },
});

/** What a client needs to post: the departments and categories. */
export const organisationRoutes = router()
  .openapi(listDepartments, async (c) => {
    const rows = await c.var.db.select().from(departments).orderBy(asc(departments.id));
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(
      rows.map(({ nameZh, ...r }) => ({ ...r, name: nameZh })),
      200,
    );
  })
  .openapi(listCategories, async (c) => {
    const rows = await c.var.db.select().from(categories).orderBy(asc(categories.id));
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(
      rows.map(({ nameZh, ...r }) => ({ ...r, name: nameZh })),
      200,
    );
  });
