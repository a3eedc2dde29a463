import { z } from '@hono/zod-openapi';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const LogEntrySchema = z
  .object({
    seq: z.number().int(),
    kind: z.string().openapi({ example: 'moderation.hide' }),
    item: z.object({ type: z.string(), id: z.number().int() }).nullable(),
    actor: z
      .object({ role: z.string(), username: z.string() })
      .nullable()
      .openapi({ description: 'the staff member who acted; null for text commitments' }),
    at: z.string().datetime().openapi({ description: 'rounded down to the minute (or coarser)' }),
    data: z.record(z.string(), z.unknown()),
    prev: hex64,
    hash: hex64.openapi({
      description: 'SHA-256("zhitong-log/v1\\n" ‖ prev ‖ "\\n" ‖ canonical JSON of the other fields)',
    }),
  })
  .openapi('LogEntry');

export const LogPage = z
  .object({
    size: z.number().int().openapi({ description: 'entries chained so far' }),
    entries: z.array(LogEntrySchema),
    next: z.number().int().nullable().openapi({ description: 'pass as `after` for the next page' }),
  })
  .openapi('LogPage');

export const Checkpoint = z
  .object({
    size: z.number().int(),
    head: hex64,
    time: z.string().datetime(),
    kid: z.string(),
    signature: z
      .string()
      .openapi({ description: 'compact JWS (EdDSA/Ed25519) over {log, size, head, time}' }),
  })
  .openapi('LogCheckpoint');

export const CheckpointList = z
  .object({ checkpoints: z.array(Checkpoint), next: z.number().int().nullable() })
  .openapi('LogCheckpointList');

export const LogKeys = z
  .object({ keys: z.array(z.record(z.string(), z.string())) })
  .openapi('LogKeys', { description: 'JWK set of the checkpoint signing keys' });

export const Opening = z
  .object({
    itemType: z.string(),
    itemId: z.number().int(),
    seq: z.number().int().openapi({ description: 'the log entry holding the commitment' }),
    commitment: hex64,
    fields: z.array(z.string()),
    withheld: z.boolean(),
    salt: z.string().nullable().openapi({ description: 'base64url; null while the text is not public' }),
  })
  .openapi('CommitmentOpening');

export const PageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const ItemParams = z.object({
  type: z
    .string()
    .regex(/^[a-z_-]{1,32}$/)
    .openapi({ param: { name: 'type', in: 'path' } }),
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
