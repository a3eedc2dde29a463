import { z } from '@hono/zod-openapi';
import { commitmentOutcomes } from '../../../db/schema/index.js';

/** A calendar day in China time, e.g. 2026-03-31; a date that does not exist is refused. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  // zod runs the refinement even when the regex failed, and toISOString() throws on an invalid date
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'no such date')
  .openapi({ example: '2026-03-31' });

const staffText = (max: number) => z.string().trim().min(1).max(max);

// strict objects: a field that is not part of the kind (a title, a body) is an error, not silently dropped
export const AnswerBody = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('solvable'),
        measures: staffText(5000).openapi({ description: 'the concrete measures' }),
        ownerDepartmentId: z.number().int().positive().openapi({ description: 'who carries them out' }),
        dueDate: CalendarDate.openapi({ description: 'by when; a public commitment' }),
      })
      .strict()
      .openapi('SolvableAnswer'),
    z
      .object({
        kind: z.literal('not_yet_solvable'),
        reason: staffText(5000).openapi({ description: 'the honest reason it cannot be solved yet' }),
        investigation: staffText(5000).openapi({ description: 'what is being investigated' }),
        nextUpdate: CalendarDate.openapi({ description: 'date of the next update; a public commitment' }),
      })
      .strict()
      .openapi('NotYetSolvableAnswer'),
    z
      .object({
        kind: z.literal('outside_policy'),
        explanation: staffText(5000).openapi({ description: 'a patient explanation of the policy' }),
        policyUrl: z
          .string()
          .max(500)
          .regex(/^(https:\/\/|\/)\S+$/, 'an https:// link or a path on this site')
          .optional()
          .openapi({ description: 'the policy explainer, where one exists' }),
      })
      .strict()
      .openapi('OutsidePolicyAnswer'),
  ])
  .openapi('AnswerInput');
export type AnswerInput = z.infer<typeof AnswerBody>;

export const OutcomeBody = z
  .object({
    outcome: z.enum(commitmentOutcomes),
    text: staffText(5000).openapi({ description: 'what was done, or why not' }),
  })
  .strict()
  .openapi('CommitmentOutcomeInput');
export type OutcomeInput = z.infer<typeof OutcomeBody>;

export const AssignBody = z
  .object({
    departmentId: z.number().int().positive(),
    reason: staffText(1000).openapi({ example: '该问题属于房产管理处职责' }),
  })
  .strict()
  .openapi('AssignInput');

export const Answered = z
  .object({ id: z.number().int(), commitmentId: z.number().int().nullable() })
  .openapi('Answered');

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
