import type { Context } from 'hono';
import type { departments } from '../../../db/schema/index.js';
import type { AppEnv } from '../../platform/http/env.js';
import { scopedTokenOffer } from '../tokens/index.js';
import { periodOf } from './periods.js';
import { findRatingKey, ratingIssuerPath, ratingScope } from './rating-scope.service.js';
import { scorecard } from './scorecard.service.js';

/**
 * The scorecard as clients see it; for the current period also the department's token offer, so a phone
 * can fetch its one rating token ahead of rating (null until the scheduled job has made the key).
 */
export async function ratingCard(c: Context<AppEnv>, dept: typeof departments.$inferSelect, period?: string) {
  const { db, clock } = c.var;
  const now = clock.now();
  const shown = period ?? periodOf(now);
  const card = await scorecard(db, dept, shown, now);
  const key = card.current ? await findRatingKey(db, dept.id, shown) : undefined;
  const token = key ? scopedTokenOffer(c, ratingScope(db, key), ratingIssuerPath(dept.id)) : null;
  return { ...card, token };
}
