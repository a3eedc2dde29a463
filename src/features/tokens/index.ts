export { createCodes, revokeBatch, revokeCode } from './codes.service.js';
export { ensureIssuerKey, purgeRetiredNonces, rotateIssuerKeys } from './keys.service.js';
export { newPseudonym, newReceipt, receiptHash, threadPseudonym } from './receipts.js';
export type { Spend } from './redemption.service.js';
export {
  issueScopedToken,
  requireSingleTokenRequest,
  scopedIssuerOpenApi,
  scopedTokenOffer,
} from './scoped-issuance.js';
export { createScopedKey, oncePerWorker, type ScopedKeyRecord, type TokenScope } from './scoped-issuer.js';
export { coarseTime, publishTime } from './timing.js';
export { type TokenService, tokenService } from './token.service.js';
export { tokensRoutes } from './tokens.routes.js';
