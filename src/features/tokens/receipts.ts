import { normaliseGroupedBase32, toGroupedBase32 } from '../../platform/crypto/encoding.js';
import { keyedHash, randomBytes, utf8ToBytes } from '../../platform/crypto/hash.js';
import type { Secrets } from '../../platform/crypto/secrets.js';

const RECEIPT_BYTES = 20; // 160 bits: 32 characters in eight groups of four

/** A fresh receipt for one post: returned once to its author, stored only as a keyed hash. */
export function newReceipt(secrets: Secrets): { receipt: string; receiptHash: string } {
  const receipt = toGroupedBase32(randomBytes(RECEIPT_BYTES));
  return { receipt, receiptHash: receiptHash(secrets, receipt) };
}

export function receiptHash(secrets: Secrets, receipt: string): string {
  return keyedHash(secrets.receiptKey, 'receipt', normaliseGroupedBase32(receipt));
}

/** A display name for one post, e.g. `职工·7F3A`, drawn at random: nothing ties it to another post. */
export function newPseudonym(): string {
  return `职工·${toGroupedBase32(randomBytes(3)).replace(/-/g, '').slice(0, 4)}`;
}

/**
 * The author's name inside one forum thread: derived from the receipt of their first post in it and the
 * thread id, so it repeats within the thread and nowhere else, and the server needs no record of it.
 */
export function threadPseudonym(receipt: string, threadId: number): string {
  const h = keyedHash(utf8ToBytes(normaliseGroupedBase32(receipt)), 'thread', String(threadId));
  return `职工·${h.slice(0, 4).toUpperCase()}`;
}
