import { z } from '@hono/zod-openapi';
import { alertStatuses, appealStatuses, notificationKinds } from '../../../db/schema/index.js';

export const InboxQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const AppealBrief = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(appealStatuses),
  departmentId: z.number().int().nullable(),
  cosignCount: z.number().int(),
  answerDueAt: z.string().datetime().nullable(),
  overdue: z.boolean(),
});

export const InboxItem = z
  .object({
    id: z.number().int(),
    kind: z.enum(notificationKinds),
    departmentId: z.number().int().nullable(),
    at: z.string().datetime(),
    read: z.boolean(),
    // exactly one of appeal, alert and digest is set
    appeal: AppealBrief.nullable(),
    alert: z
      .object({
        id: z.number().int(),
        label: z.string(),
        status: z.enum(alertStatuses),
        observed: z.number().int(),
        distinctItems: z.number().int(),
      })
      .nullable(),
    digest: z
      .object({
        week: z.string(),
        newAlerts: z.number().int(),
        openAlerts: z.number().int(),
        closedAlerts: z.number().int(),
        topics: z.array(z.object({ label: z.string(), items: z.number().int() })),
      })
      .nullable(),
  })
  .openapi('InboxItem');

export const QueueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const QueueItem = AppealBrief.openapi('QueueItem');

export const DeadlineRunResult = z
  .object({
    escalated: z.number().int(),
    missed: z.number().int(),
    reminded: z.number().int(),
    commitmentsOverdue: z.number().int(),
    closed: z.number().int(),
    webhooks: z.object({ sent: z.number().int(), failed: z.number().int() }),
  })
  .openapi('DeadlineRun');

export const Ok = z.object({ ok: z.boolean() }).openapi('Ok');
export const Assigned = z
  .object({ id: z.number().int(), departmentId: z.number().int() })
  .openapi('Assigned');
export const OutcomeRecorded = z
  .object({ id: z.number().int(), outcome: z.string() })
  .openapi('OutcomeRecorded');
