import { z } from '@hono/zod-openapi';
import { PageQuery, pageSchema } from '../../platform/http/pagination.js';
import { PERIOD_PATTERN } from './periods.js';

const period = z.string().regex(PERIOD_PATTERN, 'a quarter such as 2026-Q4').openapi({ example: '2026-Q4' });
const score = z.number().int().min(1).max(5);

export const DepartmentIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const CommentIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const PeriodQuery = z.object({
  period: period.optional().openapi({
    description: 'default: the last ended quarter (China time); the running one shows only its open state',
  }),
});
export const CommentQuery = PageQuery.extend(PeriodQuery.shape);

export const RateBody = z
  .object({
    period: period.openapi({ description: 'must be the current period' }),
    responsiveness: score.openapi({ description: '响应速度 1–5' }),
    fairness: score.openapi({ description: '公正 1–5' }),
    result: score.openapi({ description: '解决效果 1–5' }),
    comment: z.string().max(2000).optional(),
  })
  .openapi('RateDepartment');

export const ReplyBody = z
  .object({
    body: z
      .string()
      .max(5000)
      .refine((s) => s.trim().length > 0, 'must not be empty'),
  })
  .openapi('RatingReplyInput');

const Department = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });
const Mean = z.object({ mean: z.number(), count: z.number().int() });
const Scores = z
  .object({
    ratings: z.number().int(),
    criteria: z.object({ responsiveness: Mean, fairness: Mean, result: Mean }),
    mean: z.number(),
    smoothed: z.number().openapi({ description: 'Bayesian average towards the bureau mean (prior weight)' }),
  })
  .nullable()
  .openapi({
    description: 'null below k ratings, and while the period runs (scores are published at its end)',
  });
const PeriodState = {
  period: z.string(),
  current: z.boolean(),
  ended: z.boolean().openapi({ description: 'scores are published only once the period has ended' }),
  endsAt: z.string().openapi({ description: 'when the period ends (and its scores are published)' }),
  k: z.number().int(),
  priorWeight: z.number(),
};
const RatingsSoFar = z.number().int().nullable().openapi({
  description: 'while the period runs: ratings so far, rounded down to a multiple of k; else null',
});
const AppealFacts = z
  .object({
    appeals: z.number().int(),
    answered: z.number().int(),
    answerRate: z.number().nullable(),
    medianHoursToFirstAnswer: z.number().nullable(),
    commitments: z.object({
      total: z.number().int(),
      kept: z.number().int(),
      partlyKept: z.number().int(),
      notKept: z.number().int(),
      overdue: z.number().int(),
    }),
    satisfaction: z
      .object({
        rated: z.number().int(),
        satisfied: z.number().int(),
        partlySatisfied: z.number().int(),
        unsatisfied: z.number().int(),
        rate: z.number().nullable(),
      })
      .nullable(),
  })
  .nullable();
const TokenOffer = z.object({
  'token-type': z.literal(2),
  'token-key': z.string(),
  'token-challenge': z.string(),
  'issuer-request-uri': z.string(),
});

export const Scorecard = z
  .object({
    department: Department,
    ...PeriodState,
    bureauMean: z.number().nullable(),
    scores: Scores,
    ratingsSoFar: RatingsSoFar,
    commentsShown: z.boolean(),
    appeals: AppealFacts,
    token: TokenOffer.nullable().openapi({
      description: "the running period's rating token, whichever period is shown",
    }),
    ratingPeriod: z.string().openapi({ description: 'the running period: the only one that can be rated' }),
  })
  .openapi('Scorecard');

export const League = z
  .object({
    ...PeriodState,
    bureau: z.object({ ratings: z.number().int(), mean: z.number().nullable() }),
    departments: z.array(
      z.object({
        rank: z.number().int().nullable(),
        department: Department,
        scores: Scores,
        ratingsSoFar: RatingsSoFar,
        appeals: AppealFacts,
      }),
    ),
  })
  .openapi('RatingLeague');

export const Comment = z
  .object({
    id: z.number().int(),
    departmentId: z.number().int(),
    period: z.string(),
    body: z.string(),
    reply: z.object({ body: z.string(), by: z.string(), at: z.string() }).nullable(),
  })
  .openapi('RatingComment');

export const CommentPage = pageSchema(Comment)
  .extend({ shown: z.boolean().openapi({ description: 'false while the period has fewer than k ratings' }) })
  .openapi('RatingCommentPage');

export const Accepted = z.object({ ok: z.literal(true) });
