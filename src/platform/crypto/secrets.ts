import { fromBase64Url } from './encoding.js';
import { deriveKey } from './hash.js';

/** Keys derived once from SECRET_KEY, one per purpose, so a leak of one use does not expose another. */
export interface Secrets {
  /** HMAC key for enrollment codes at rest. */
  codeKey: Uint8Array;
  /** HMAC key (pepper) for post receipts at rest. */
  receiptKey: Uint8Array;
  /** AES-GCM key that seals issuer private keys in the database. */
  sealKey: Uint8Array;
  /** HMAC key for staff session tokens. */
  sessionKey: Uint8Array;
}

export function deriveSecrets(secretKey: string): Secrets {
  const master = fromBase64Url(secretKey);
  if (master.length < 32) throw new Error('SECRET_KEY must hold at least 32 bytes');
  return {
    codeKey: deriveKey(master, 'enrollment-code'),
    receiptKey: deriveKey(master, 'receipt'),
    sealKey: deriveKey(master, 'seal-issuer-key'),
    sessionKey: deriveKey(master, 'staff-session'),
  };
}
