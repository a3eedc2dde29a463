import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { scopedTokenOffer } from '../tokens/index.js';
import { surveyScope } from './survey-answers.service.js';
import { type SurveyKeyRow, type SurveyRow, statusOf } from './surveys.service.js';

/** Where a worker's phone asks for this survey's one token (outside /api: Privacy Pass media types). */
export const surveyIssuerPath = (id: number) => `/token-request/surveys/${id}`;

/** A survey as clients see it, with what a phone needs to fetch its token ahead of answering. */
export function surveyView(c: Context<AppEnv>, survey: SurveyRow, key: SurveyKeyRow | null) {
  return {
    id: survey.id,
    title: survey.title,
    description: survey.description,
    departmentId: survey.departmentId,
    questions: survey.questions,
    opensAt: new Date(survey.opensAt).toISOString(),
    closesAt: new Date(survey.closesAt).toISOString(),
    status: statusOf(survey, c.var.clock.now()),
    liveResults: survey.liveResults,
    k: survey.kThreshold,
    createdBy: survey.createdBy,
    publishedBy: survey.publishedBy,
    token: key ? scopedTokenOffer(c, surveyScope(c.var.db, survey, key), surveyIssuerPath(survey.id)) : null,
  };
}
