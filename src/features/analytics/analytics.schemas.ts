import { z } from '@hono/zod-openapi';
import { alertGroupKinds, alertResponseKinds, alertStatuses } from '../../../db/schema/index.js';
import { HOT_PERIODS } from './hot-topics.service.js';

export const AlertIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const AlertsQuery = z.object({
  status: z.enum(alertStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AssignAlertBody = z
  .object({ departmentId: z.number().int().positive().openapi({ description: 'who should speak up' }) })
  .strict();

export const CloseAlertBody = z
  .object({
    responseKind: z.enum(alertResponseKinds),
    note: z.string().trim().min(1).max(2000).openapi({ description: 'what was done, in a sentence or two' }),
    url: z
      .string()
      .url()
      .max(500)
      .optional()
      .openapi({ description: 'the explainer or notice that answers it' }),
  })
  .strict();

const Evidence = z.object({
  observed: z.number().int(),
  distinctItems: z.number().int(),
  expected: z.number(),
  growth: z.number(),
  pValue: z.number(),
  z: z.number(),
  test: z.string(),
  sampleAppealIds: z.array(z.number().int()),
  departmentIds: z.array(z.number().int()),
});

export const Alert = z
  .object({
    id: z.number().int(),
    groupKind: z.enum(alertGroupKinds),
    groupKey: z.string(),
    label: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    evidence: Evidence,
    suggestedDepartmentId: z.number().int().nullable(),
    status: z.enum(alertStatuses),
    assignedDepartmentId: z.number().int().nullable(),
    assignedAt: z.string().nullable(),
    response: z
      .object({ kind: z.enum(alertResponseKinds), note: z.string(), url: z.string().nullable() })
      .nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('AnalyticsAlert');

export const AlertWithFollowUp = Alert.extend({
  afterClose: z
    .object({ duringPerDay: z.number(), afterPerDay: z.number(), fell: z.boolean() })
    .nullable()
    .openapi({ description: 'topic alerts, a week after closing: did volume fall?' }),
});

export const AnalyseResult = z.object({
  appeals: z.number().int(),
  items: z.number().int().openapi({ description: 'appeals, forum posts and survey comments read' }),
  topics: z.number().int(),
  alertsOpened: z.number().int(),
  alertsUpdated: z.number().int(),
});

export const HotTopicsQuery = z.object({
  period: z.enum(Object.keys(HOT_PERIODS) as [keyof typeof HOT_PERIODS]).default('week'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const HotTopics = z
  .object({
    period: z.string(),
    topics: z.array(
      z.object({
        key: z.number().int(),
        label: z.array(z.string()),
        volume: z.number().int(),
        perDay: z.record(z.string(), z.number().int()),
        categorySlug: z.string().nullable(),
        sentiment: z.number(),
        departments: z.array(z.object({ id: z.number().int(), name: z.string(), count: z.number().int() })),
        sampleAppealIds: z.array(z.number().int()),
      }),
    ),
  })
  .openapi('HotTopics');
