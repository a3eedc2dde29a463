import { genericBatched, MediaType, publicVerif, TOKEN_TYPES } from '@cloudflare/privacypass-ts';
import type { Config } from '../../platform/config/config.js';
import type { BlindSigner } from '../../platform/crypto/blind-signer.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { withBudgetSettings } from '../admin/settings.service.js';
import { addWithin, saltedKey } from '../ratelimit/salts.service.js';
import type { KeyRing } from './key-ring.js';

const { TokenRequest, TokenResponse } = publicVerif;
type TokenRequestT = InstanceType<typeof TokenRequest>;

export const ISSUANCE_TYPES = {
  single: MediaType.PRIVATE_TOKEN_REQUEST,
  batch: MediaType.ARBITRARY_BATCHED_TOKEN_REQUEST,
} as const;

const SINGLE_LENGTH = 3 + TOKEN_TYPES.BLIND_RSA.Nk;

function parseRequests(
  contentType: string,
  body: Uint8Array,
  max: number,
): { kind: 'single' | 'batch'; requests: TokenRequestT[] } {
  try {
    if (contentType === ISSUANCE_TYPES.single) {
      if (body.length !== SINGLE_LENGTH) throw new Error('length');
      return { kind: 'single', requests: [TokenRequest.deserialize(TOKEN_TYPES.BLIND_RSA, body)] };
    }
    const batch = genericBatched.BatchedTokenRequest.deserialize(body);
    if (batch.tokenRequests.length > max) throw new AppError('TOKEN_BATCH_TOO_LARGE');
    const requests = batch.tokenRequests.map((r) => {
      if (r.tokenType !== TOKEN_TYPES.BLIND_RSA.value) throw new Error('type');
      return r.tokenRequest as TokenRequestT;
    });
    if (requests.length === 0) throw new Error('empty');
    return { kind: 'batch', requests };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('TOKEN_REQUEST_INVALID');
  }
}

/** A one-purpose issuer (see scoped-issuer.ts): its own key and its own budget instead of the period's. */
export interface IssuanceScope {
  keys: Pick<KeyRing, 'live' | 'privateKey'>;
  /** Takes `n` from the worker's budget or throws; `release` gives them back when signing fails. */
  reserve(subject: string, n: number): Promise<void>;
  release(subject: string, n: number): Promise<void>;
}

/**
 * Signs blinded token requests for an eligible worker, within the worker's budget for the period.
 * `subject` is the worker's stable identity (OIDC issuer|sub or the code's hash); only an HMAC of it under
 * the period's random salt is stored, as a counter. Returns the RFC 9578 response bytes.
 */
export async function issueTokens(
  deps: { db: Db; config: Config; secrets: Secrets; signer: BlindSigner; keys: KeyRing; now: number },
  subject: string,
  contentType: string,
  body: Uint8Array,
  scope?: IssuanceScope,
): Promise<Uint8Array> {
  const { db, config, signer, now } = deps;
  const keys = scope?.keys ?? deps.keys;
  const { kind, requests } = parseRequests(contentType, body, config.TOKEN_BATCH_MAX);
  const live = await keys.live();
  const signing = requests.map((r) => {
    const key = live.find((k) => k.idBytes[k.idBytes.length - 1] === r.truncatedTokenKeyId);
    if (!key) throw new AppError('TOKEN_UNKNOWN_KEY');
    return { request: r, key };
  });
  // the admin's budget and period (one settings read), or the configuration's until an admin sets them
  const budget = scope ? config : await withBudgetSettings(db, config);
  const budgetKey = scope
    ? undefined
    : { purpose: 'budget' as const, ...(await saltedKey(db, budget, 'budget', now, subject)) };
  if (scope) await scope.reserve(subject, requests.length);
  else if ((await addWithin(db, budgetKey!, requests.length, budget.TOKEN_BUDGET)) === null)
    throw new AppError('TOKEN_BUDGET_EXCEEDED');
  let signatures: InstanceType<typeof TokenResponse>[];
  try {
    signatures = await Promise.all(
      signing.map(
        async ({ request, key }) =>
          new TokenResponse(await signer.blindSign(await keys.privateKey(key.id), request.blindedMsg)),
      ),
    );
  } catch {
    // nothing was issued (e.g. a blinded message not below the modulus): give the budget back
    if (scope) await scope.release(subject, requests.length);
    else await addWithin(db, budgetKey!, -requests.length, budget.TOKEN_BUDGET);
    throw new AppError('TOKEN_REQUEST_INVALID');
  }
  if (kind === 'single') return signatures[0]!.serialize();
  return new genericBatched.GenericBatchTokenResponse(
    signatures.map((s) => new genericBatched.OptionalTokenResponse(2, s)),
  ).serialize();
}
