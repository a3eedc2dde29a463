import type { TokenChallenge } from '@cloudflare/privacypass-ts';
import { eq } from 'drizzle-orm';
import { departments } from '../../../db/schema/index.js';
import { periodOf } from '../../../src/features/ratings/periods.js';
import { finaliseEndedPeriods, makeRatingKey } from '../../../src/features/ratings/rating-scope.service.js';
import { submitRating } from '../../../src/features/ratings/ratings.service.js';
import { toBase64Url } from '../../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../../src/platform/crypto/hash.js';
import type { Harness } from '../../helpers/harness.js';
import { type OfferJson, readOffer, requestScopedToken } from '../../helpers/scoped-token.js';

/**
 * What the scheduled job does (ensureRatingKeys), for the named departments only: an RSA key each costs
 * too much time to make for every department in every test.
 */
export async function openRatings(h: Harness, ...slugs: string[]) {
  await finaliseEndedPeriods(h.db, h.clock.now());
  for (const slug of slugs)
    await makeRatingKey(h.db, h.secrets, await deptId(h, slug), periodOf(h.clock.now()));
}

/** A department id of the demo bureau by slug. */
export async function deptId(h: Harness, slug: string): Promise<number> {
  const [d] = await h.db.select().from(departments).where(eq(departments.slug, slug));
  if (!d) throw new Error(`no department ${slug}`);
  return d.id;
}

/** What a phone reads from the scorecard: the department's challenge, key and issuer path this period. */
export async function ratingOffer(h: Harness, departmentId: number) {
  const res = await h.request(`/api/v1/departments/${departmentId}/scorecard`);
  if (res.status !== 200) throw new Error(`scorecard ${departmentId}: ${res.status} ${await res.text()}`);
  return readOffer(((await res.json()) as { token: OfferJson }).token);
}

/** Asks the department's issuer for one token with an enrollment code. */
export async function requestRatingToken(
  h: Harness,
  departmentId: number,
  code: string,
  opts: { challenge?: TokenChallenge } = {},
) {
  return requestScopedToken(h, await ratingOffer(h, departmentId), code, opts);
}

export async function ratingToken(h: Harness, departmentId: number, code: string): Promise<string> {
  const { res, header } = await requestRatingToken(h, departmentId, code);
  if (!header) throw new Error(`issuance failed: ${res.status} ${await res.text()}`);
  return header;
}

export const SCORES = { responsiveness: 4, fairness: 3, result: 5 };

/** A rating body for the current period. */
export const ratingBody = (h: Harness, extra: Record<string, unknown> = {}) => ({
  period: periodOf(h.clock.now()),
  ...SCORES,
  ...extra,
});

export function rate(h: Harness, departmentId: number, authorization: string | undefined, body: unknown) {
  return h.postJson(
    `/api/v1/departments/${departmentId}/ratings`,
    body,
    authorization ? { authorization } : {},
  );
}

/**
 * Ratings stored through the service with fresh nonces, as the issuer would have allowed them; for
 * tests about aggregates, where fetching dozens of tokens would only add time.
 */
export async function addRatings(
  h: Harness,
  departmentId: number,
  scores: [number, number, number][],
  comment?: (i: number) => string,
) {
  const period = periodOf(h.clock.now());
  for (const [i, [responsiveness, fairness, result]] of scores.entries()) {
    await submitRating(
      h.db,
      { departmentId, period },
      { keyId: 'test', nonce: toBase64Url(randomBytes(32)) },
      { period, responsiveness, fairness, result, comment: comment?.(i) },
      h.clock.now(),
    );
  }
}
