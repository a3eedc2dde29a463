import type { Context } from 'hono';
import type { departments } from '../../../db/schema/index.js';
import type { AppEnv } from '../../platform/http/env.js';
import { scopedTokenOffer } from '../tokens/index.js';
import { lastEndedPeriod, periodOf } from './periods.js';
import { findRatingKey, ratingIssuerPath, ratingScope } from './rating-scope.service.js';
import { scorecard } from './scorecard.service.js';

/**
 * The scorecard as clients see it (by default of the last ended period, the latest with scores), with the
 * running period's token offer whichever period is shown, so a phone can fetch its one rating token ahead
 * of rating (null until the scheduled job has made the key).
 */
export async function ratingCard(c: Context<AppEnv>, dept: typeof departments.$inferSelect, period?: string) {
  const { db, clock } = c.var;
  const now = clock.now();
  const card = await scorecard(db, dept, period ?? lastEndedPeriod(now), now);
  const ratingPeriod = periodOf(now);
  const key = await findRatingKey(db, dept.id, ratingPeriod);
  const token = key ? scopedTokenOffer(c, ratingScope(db, key), ratingIssuerPath(dept.id)) : null;
  return { ...card, token, ratingPeriod };
}
