import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses, jsonContent, router } from '../../platform/http/openapi.js';
import {
  Checkpoint,
  CheckpointList,
  ItemParams,
  LogKeys,
  LogPage,
  Opening,
  PageQuery,
} from './audit.schemas.js';
import { checkpointLog, listCheckpoints, publicLogKeys } from './checkpoints.service.js';
import { commitmentOpening } from './commitments.service.js';
import { logHead, readEntries } from './log.service.js';

const tags = ['log'];

const entries = createRoute({
  method: 'get',
  path: '/api/v1/log',
  tags,
  summary: 'Entries of the public log, in order (a plain hash chain: entry n proves all before it)',
  request: { query: PageQuery },
  responses: { 200: jsonContent(LogPage, 'A page of entries'), ...errorResponses(422) },
});

const checkpoint = createRoute({
  method: 'get',
  path: '/api/v1/log/checkpoint',
  tags,
  summary: 'The latest signed checkpoint; signs a new one first if the log has grown',
  responses: { 200: jsonContent(Checkpoint, 'Signed tree head') },
});

const checkpoints = createRoute({
  method: 'get',
  path: '/api/v1/log/checkpoints',
  tags,
  summary: 'Every checkpoint signed so far, oldest first',
  request: { query: PageQuery },
  responses: { 200: jsonContent(CheckpointList, 'Checkpoints'), ...errorResponses(422) },
});

const keys = createRoute({
  method: 'get',
  path: '/api/v1/log/keys',
  tags,
  summary: 'Public keys (Ed25519 JWK) that sign checkpoints',
  responses: { 200: jsonContent(LogKeys, 'JWK set') },
});

const opening = createRoute({
  method: 'get',
  path: '/api/v1/log/items/{type}/{id}',
  tags,
  summary: "Opening of an item's text commitment: the salt, while the text is public",
  request: { params: ItemParams },
  responses: { 200: jsonContent(Opening, 'Commitment and salt'), ...errorResponses(404, 422) },
});

function present(row: { size: number; head: string; at: number; kid: string; jws: string }) {
  return {
    size: row.size,
    head: row.head,
    time: new Date(row.at).toISOString(),
    kid: row.kid,
    signature: row.jws,
  };
}

/** The public log: anyone may read it, nobody needs to sign in, and nothing here names a worker. */
export const auditRoutes = router()
  .openapi(entries, async (c) => {
    const { after, limit } = c.req.valid('query');
    const [page, head] = await Promise.all([readEntries(c.var.db, after, limit), logHead(c.var.db)]);
    const last = page.at(-1)?.seq;
    return c.json(
      { size: head.size, entries: page, next: last !== undefined && last < head.size ? last : null },
      200,
    );
  })
  .openapi(checkpoint, async (c) => c.json(present(await checkpointLog(c.var)), 200))
  .openapi(checkpoints, async (c) => {
    const { after, limit } = c.req.valid('query');
    const rows = await listCheckpoints(c.var.db, after, limit);
    return c.json(
      { checkpoints: rows.map(present), next: rows.length === limit ? rows.at(-1)!.size : null },
      200,
    );
  })
  .openapi(keys, async (c) =>
    c.json({ keys: (await publicLogKeys(c.var.db)) as Record<string, string>[] }, 200),
  )
  .openapi(opening, async (c) => {
    const { type, id } = c.req.valid('param');
    const found = await commitmentOpening(c.var.db, type, id);
    if (!found) throw new AppError('NOT_FOUND');
    return c.json(found, 200);
  });
