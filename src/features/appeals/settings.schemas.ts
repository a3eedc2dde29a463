import { z } from '@hono/zod-openapi';
import { calendarDayKinds, webhookFormats } from '../../../db/schema/index.js';
import { CalendarDate } from './answers.schemas.js';

export const RuleBody = z
  .object({
    categoryId: z.number().int().positive(),
    keywords: z
      .array(z.string().trim().min(1).max(40))
      .max(50)
      .optional()
      .openapi({
        description: 'any of these in the title or body makes the rule match',
        example: ['宿舍', '公寓'],
      }),
    departmentId: z.number().int().positive(),
    priority: z.number().int().min(-1000).max(1000).optional(),
  })
  .strict()
  .openapi('RoutingRuleInput');

export const Rule = z
  .object({
    id: z.number().int(),
    categoryId: z.number().int(),
    keywords: z.array(z.string()).nullable(),
    departmentId: z.number().int(),
    priority: z.number().int(),
  })
  .openapi('RoutingRule');

export const DateParam = z.object({
  date: CalendarDate.openapi({ param: { name: 'date', in: 'path' } }),
});

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const CalendarDayBody = z
  .object({
    kind: z
      .enum(calendarDayKinds)
      .openapi({ description: 'off: a holiday; work: a weekend day worked (调休)' }),
    name: z.string().trim().min(1).max(40).openapi({ example: '春节' }),
  })
  .strict()
  .openapi('CalendarDayInput');

export const CalendarDay = z
  .object({ date: z.string(), kind: z.enum(calendarDayKinds), name: z.string() })
  .openapi('CalendarDay');

export const AnswerDaysBody = z
  .object({ answerDays: z.number().int().min(1).max(60) })
  .strict()
  .openapi('AnswerDaysInput');

export const AnswerDays = z
  .object({ id: z.number().int(), answerDays: z.number().int() })
  .openapi('AnswerDays');

export const WebhookBody = z
  .object({
    format: z.enum(webhookFormats),
    url: z
      .string()
      .max(1000)
      .regex(/^(https?:\/\/\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$/, 'an http(s) URL, or an address for email')
      .openapi({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' }),
    departmentId: z.number().int().positive().optional().openapi({ description: 'omit for all departments' }),
    secret: z.string().min(1).max(200).optional().openapi({ description: 'DingTalk 加签 secret' }),
  })
  .strict()
  .openapi('WebhookInput');

export const Webhook = z
  .object({
    id: z.number().int(),
    departmentId: z.number().int().nullable(),
    format: z.enum(webhookFormats),
    host: z.string().openapi({ description: 'the URL itself is sealed: it carries the access key' }),
    signed: z.boolean(),
    createdAt: z.string().datetime(),
  })
  .openapi('Webhook');
