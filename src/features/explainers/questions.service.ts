import { explainerQuestions } from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { createAppeal } from '../appeals/appeals.service.js';
import type { Spend, TokenService } from '../tokens/index.js';
import { explainerRow } from './explainers.service.js';

/**
 * A worker's question under an explainer: an ordinary appeal (paid for by the token, anonymous, with a
 * receipt) routed to the explainer's department, then listed under the explainer. The explainer is
 * checked before the token is spent.
 */
export async function askQuestion(
  deps: { db: Db; config: Config; secrets: Secrets; tokens: TokenService; now: number },
  spend: Spend,
  explainerId: number,
  input: { title: string; body: string; categoryId?: number },
) {
  const explainer = await explainerRow(deps.db, explainerId);
  const categoryId = input.categoryId ?? explainer.categoryIds[0];
  if (categoryId === undefined)
    throw new AppError('VALIDATION_FAILED', [{ path: 'categoryId', message: 'choose a category' }]);
  const created = await createAppeal(deps, spend, {
    title: input.title,
    body: input.body,
    categoryId,
    departmentId: explainer.departmentId,
  });
  // after the appeal's own batch: the link is public anyway and names no one
  await deps.db.insert(explainerQuestions).values({ explainerId, appealId: created.id });
  return created;
}
