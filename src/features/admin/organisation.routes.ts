import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { StaffIdParams as IdParams, Ok } from './admin.schemas.js';
import { createCategory, listCategories, updateCategory } from './categories.service.js';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  updateDepartment,
} from './departments.service.js';
import {
  AdminCategory,
  AdminDepartment,
  CreateCategoryBody,
  CreateDepartmentBody,
  UpdateCategoryBody,
  UpdateDepartmentBody,
} from './organisation.schemas.js';

const tags = ['admin: organisation'];
const admin = requireStaff('admin');
const DEPARTMENTS = '/api/v1/staff/admin/departments';
const CATEGORIES = '/api/v1/staff/admin/categories';

const departments = createRoute({
  method: 'get',
  path: DEPARTMENTS,
  tags,
  middleware: [admin] as const,
  responses: { 200: jsonContent(z.array(AdminDepartment), 'All departments'), ...errorResponses(401, 403) },
});
const createDept = createRoute({
  method: 'post',
  path: DEPARTMENTS,
  tags,
  summary: 'Create a department under a parent; logged',
  middleware: [admin] as const,
  request: { body: jsonBody(CreateDepartmentBody) },
  responses: { 201: jsonContent(AdminDepartment, 'Created'), ...errorResponses(401, 403, 409, 422) },
});
const updateDept = createRoute({
  method: 'patch',
  path: `${DEPARTMENTS}/{id}`,
  tags,
  summary: 'Rename, or move under another parent (DEPARTMENT_CYCLE if under itself); logged',
  middleware: [admin] as const,
  request: { params: IdParams, body: jsonBody(UpdateDepartmentBody) },
  responses: { 200: jsonContent(AdminDepartment, 'Updated'), ...errorResponses(401, 403, 409, 422) },
});
const deleteDept = createRoute({
  method: 'delete',
  path: `${DEPARTMENTS}/{id}`,
  tags,
  summary: 'Delete a department nothing refers to (DEPARTMENT_HAS_APPEALS, DEPARTMENT_IN_USE); logged',
  middleware: [admin] as const,
  request: { params: IdParams },
  responses: { 200: jsonContent(Ok, 'Deleted'), ...errorResponses(401, 403, 409, 422) },
});
const categories = createRoute({
  method: 'get',
  path: CATEGORIES,
  tags,
  middleware: [admin] as const,
  responses: { 200: jsonContent(z.array(AdminCategory), 'All categories'), ...errorResponses(401, 403) },
});
const createCat = createRoute({
  method: 'post',
  path: CATEGORIES,
  tags,
  summary: 'Create a category; logged',
  middleware: [admin] as const,
  request: { body: jsonBody(CreateCategoryBody) },
  responses: { 201: jsonContent(AdminCategory, 'Created'), ...errorResponses(401, 403, 409, 422) },
});
const updateCat = createRoute({
  method: 'patch',
  path: `${CATEGORIES}/{id}`,
  tags,
  summary: 'Rename, change the default department or the working days for a first answer; logged',
  middleware: [admin] as const,
  request: { params: IdParams, body: jsonBody(UpdateCategoryBody) },
  responses: { 200: jsonContent(AdminCategory, 'Updated'), ...errorResponses(401, 403, 422) },
});

/** Departments (a hierarchy: escalation goes to the parent) and categories, every change on the log. */
export const organisationAdminRoutes = router()
  .openapi(departments, async (c) => c.json(await listDepartments(c.var.db), 200))
  .openapi(createDept, async (c) => {
    const deps = { db: c.var.db, now: c.var.clock.now() };
    return c.json(await createDepartment(deps, currentStaff(c), c.req.valid('json')), 201);
  })
  .openapi(updateDept, async (c) => {
    const deps = { db: c.var.db, now: c.var.clock.now() };
    const id = c.req.valid('param').id;
    return c.json(await updateDepartment(deps, currentStaff(c), id, c.req.valid('json')), 200);
  })
  .openapi(deleteDept, async (c) => {
    await deleteDepartment(
      { db: c.var.db, now: c.var.clock.now() },
      currentStaff(c),
      c.req.valid('param').id,
    );
    return c.json({ ok: true as const }, 200);
  })
  .openapi(categories, async (c) => c.json(await listCategories(c.var.db), 200))
  .openapi(createCat, async (c) => {
    const deps = { db: c.var.db, now: c.var.clock.now() };
    return c.json(await createCategory(deps, currentStaff(c), c.req.valid('json')), 201);
  })
  .openapi(updateCat, async (c) => {
    const deps = { db: c.var.db, now: c.var.clock.now() };
    const id = c.req.valid('param').id;
    return c.json(await updateCategory(deps, currentStaff(c), id, c.req.valid('json')), 200);
  });
