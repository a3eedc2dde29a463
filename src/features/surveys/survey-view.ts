import type { Context } from 'hono';
import { toBase64Url } from '../../platform/crypto/encoding.js';
import type { AppEnv } from '../../platform/http/env.js';
import { surveyScope } from './survey-answers.service.js';
import { type SurveyKeyRow, type SurveyRow, statusOf } from './surveys.service.js';

/** Where a worker's phone asks for this survey's one token (outside /api: Privacy Pass media types). */
export const surveyIssuerPath = (id: number) => `/token-request/surveys/${id}`;

/** A survey as clients see it, with what a phone needs to fetch its token ahead of answering. */
export function surveyView(c: Context<AppEnv>, survey: SurveyRow, key: SurveyKeyRow | null) {
  const { db, clock, config, tokens } = c.var;
  const scope = key ? tokens.scoped(surveyScope(db, survey, key)) : null;
  return {
    id: survey.id,
    title: survey.title,
    description: survey.description,
    departmentId: survey.departmentId,
    questions: survey.questions,
    opensAt: new Date(survey.opensAt).toISOString(),
    closesAt: new Date(survey.closesAt).toISOString(),
    status: statusOf(survey, clock.now()),
    liveResults: survey.liveResults,
    k: survey.kThreshold,
    createdBy: survey.createdBy,
    publishedBy: survey.publishedBy,
    token:
      key && scope
        ? {
            'token-type': 2 as const,
            'token-key': key.publicKey,
            'token-challenge': toBase64Url(scope.challenge.challenge.serialize()),
            'issuer-request-uri': `${config.PUBLIC_ORIGIN}${surveyIssuerPath(survey.id)}`,
          }
        : null,
  };
}
