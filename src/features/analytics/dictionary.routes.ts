import { createRoute, z } from '@hono/zod-openapi';
import { dictionaryEntryKinds } from '../../../db/schema/index.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { addDictionaryEntry, listDictionary, removeDictionaryEntry } from './dictionary.service.js';

const tags = ['admin: analysis dictionary'];
const path = '/api/v1/staff/admin/analytics/terms';

const Entry = z
  .object({
    id: z.number().int(),
    kind: z.enum(dictionaryEntryKinds),
    term: z.string(),
    createdAt: z.string(),
  })
  .openapi('DictionaryEntry');

const NewEntry = z
  .object({
    kind: z.enum(dictionaryEntryKinds).openapi({ description: 'a domain term kept whole, or a stop word' }),
    term: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[^\s\p{P}]+$/u, 'one word: no spaces or punctuation')
      .openapi({ example: '高温费' }),
  })
  .strict();

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

const list = createRoute({
  method: 'get',
  path,
  tags,
  summary: "The admins' additions to the segmentation dictionary and stop words",
  middleware: [requireStaff('admin')] as const,
  responses: {
    200: jsonContent(z.object({ items: z.array(Entry) }), 'Entries'),
    ...errorResponses(401, 403),
  },
});

const add = createRoute({
  method: 'post',
  path,
  tags,
  summary: 'Add a domain term or stop word; used from the next analysis run (logged publicly)',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(NewEntry) },
  responses: { 201: jsonContent(Entry, 'Added'), ...errorResponses(401, 403, 409, 422) },
});

const remove = createRoute({
  method: 'delete',
  path: `${path}/{id}`,
  tags,
  summary: 'Remove a dictionary entry (logged publicly)',
  middleware: [requireStaff('admin')] as const,
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 422) },
});

export const dictionaryRoutes = router()
  .openapi(list, async (c) => c.json({ items: await listDictionary(c.var.db) }, 200))
  .openapi(add, async (c) => {
    const entry = await addDictionaryEntry(c.var.db, c.req.valid('json'), currentStaff(c), c.var.clock.now());
    return c.json(entry, 201);
  })
  .openapi(remove, async (c) => {
    await removeDictionaryEntry(c.var.db, c.req.valid('param').id, currentStaff(c), c.var.clock.now());
    return c.body(null, 204);
  });
