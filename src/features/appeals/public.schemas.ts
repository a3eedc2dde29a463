import { z } from '@hono/zod-openapi';
import { appealStatuses, verdicts } from '../../../db/schema/index.js';
import { CalendarDate } from './answers.schemas.js';
import { workerText } from './appeals.schemas.js';
import { listSorts } from './list.service.js';

const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
  .openapi({ example: '2026-01' });

export const ListQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .optional()
    .openapi({ description: 'full-text search; terms of 2+ characters (住房, 通勤, G1234次, KPI考核)' }),
  status: z.enum(appealStatuses).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  from: CalendarDate.optional().openapi({ description: 'posted on or after this day (China time)' }),
  to: CalendarDate.optional().openapi({ description: 'posted on or before this day' }),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'past a first-answer deadline, or with an overdue commitment' }),
  sort: z.enum(listSorts).optional().openapi({
    description:
      'newest (default), cosigned, waiting (longest waiting for an answer), relevance (default with q)',
  }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const AppealSummary = z
  .object({
    id: z.number().int(),
    title: z.string(),
    excerpt: z.string(),
    categoryId: z.number().int(),
    departmentId: z.number().int().nullable(),
    status: z.enum(appealStatuses),
    pseudonym: z.string(),
    createdAt: z.string().datetime(),
    cosignCount: z.number().int(),
    answerDueAt: z.string().datetime().nullable(),
    overdue: z.boolean(),
  })
  .openapi('AppealSummary');

export const AppealPage = z
  .object({ items: z.array(AppealSummary), nextCursor: z.string().nullable() })
  .openapi('AppealPage');

const Receipt = z.string().min(16).max(64).openapi({ description: 'the receipt given when posting' });

export const AddInformationBody = z
  .object({ receipt: Receipt, text: workerText(5000) })
  .strict()
  .openapi('AddInformation');

export const VerdictBody = z
  .object({
    receipt: Receipt,
    verdict: z.enum(verdicts),
    reason: workerText(2000).optional(),
  })
  .strict()
  .refine((v) => v.verdict === 'satisfied' || v.reason !== undefined, {
    message: 'a reason is required unless satisfied',
    path: ['reason'],
  })
  .openapi('Verdict');

export const WithdrawBody = z
  .object({ receipt: Receipt, reason: workerText(2000).optional() })
  .strict()
  .openapi('Withdraw');

export const FollowUpResult = z
  .object({ id: z.number().int(), status: z.enum(appealStatuses), round: z.number().int() })
  .openapi('FollowUpResult');

export const Cosigned = z.object({ id: z.number().int(), cosignCount: z.number().int() }).openapi('Cosigned');

export const StatsQuery = z.object({
  from: Month.optional(),
  to: Month.optional(),
  departmentId: z.coerce.number().int().positive().optional(),
});

const Satisfaction = z
  .object({
    rated: z.number().int(),
    satisfied: z.number().int(),
    partlySatisfied: z.number().int(),
    unsatisfied: z.number().int(),
    rate: z.number().nullable().openapi({ description: 'satisfied ÷ rated' }),
  })
  .nullable()
  .openapi({ description: 'null when fewer than 5 rated appeals (or to protect a small neighbour)' });

const Metrics = z.object({
  views: z.number().int(),
  dailyViews: z.number().nullable(),
  appeals: z.number().int(),
  answered: z.number().int(),
  answers: z.number().int(),
  answerRate: z.number().nullable(),
  medianHoursToFirstAnswer: z.number().nullable(),
  overdueAppeals: z.number().int(),
  commitments: z.object({
    total: z.number().int(),
    kept: z.number().int(),
    partlyKept: z.number().int(),
    notKept: z.number().int(),
    overdue: z.number().int(),
  }),
  problemsSolved: z.number().int().openapi({ description: 'due-date commitments kept' }),
  satisfaction: Satisfaction,
});

export const Stats = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    minRatedForSatisfaction: z.number().int(),
    overall: Metrics,
    departments: z.array(Metrics.extend({ departmentId: z.number().int(), name: z.string() })),
    months: z.array(Metrics.extend({ month: z.string() })),
  })
  .openapi('Stats');
