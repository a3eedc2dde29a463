import { z } from '@hono/zod-openapi';
import { flagReasons } from '../../../db/schema/index.js';
import { decisions } from './decisions.service.js';
import { moderatedTypes } from './items.js';

const itemType = z.enum(moderatedTypes);
const itemId = z.number().int().positive();

export const FlagBody = z
  .object({ itemType, itemId, reason: z.enum(flagReasons) })
  .openapi('Flag', { example: { itemType: 'appeal', itemId: 12, reason: 'personal-attack' } });

export const ContestBody = z
  .object({
    itemType,
    itemId,
    receipt: z
      .string()
      .min(16)
      .max(64)
      .openapi({ description: 'the receipt shown when the item was posted' }),
    statement: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .openapi({ description: 'seen by the reviewing moderator only' }),
  })
  .openapi('Contest');

export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');

export const DecisionBody = z
  .object({
    note: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .openapi({ description: 'public: shown on the log (and tombstone)' }),
    reason: z.enum(flagReasons).optional().openapi({ description: 'required to hide' }),
  })
  .openapi('ModerationDecision');

export const DecisionParams = z.object({
  type: itemType.openapi({ param: { name: 'type', in: 'path' } }),
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
  decision: z.enum(decisions).openapi({ param: { name: 'decision', in: 'path' } }),
});

export const QueueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const QueueItem = z
  .object({
    itemType,
    itemId: z.number().int(),
    state: z.enum(['visible', 'hidden']),
    weight: z.number().int(),
    openFlags: z.number().int(),
    flaggedSince: z.string().nullable(),
    reasons: z.record(z.string(), z.number().int()),
    text: z
      .record(z.string(), z.string())
      .openapi({ description: 'exactly as written; escape when rendering' }),
    hidden: z
      .object({
        reason: z.string().nullable(),
        note: z.string().nullable(),
        role: z.string().nullable(),
        byYou: z.boolean(),
      })
      .nullable(),
    contest: z.object({ statement: z.string().nullable(), since: z.string().nullable() }).nullable(),
  })
  .openapi('ModerationQueueItem');

export const Queue = z.object({ items: z.array(QueueItem) }).openapi('ModerationQueue');
