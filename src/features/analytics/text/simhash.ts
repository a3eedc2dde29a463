import type { TermVector } from './tfidf.js';

/** A 64-bit SimHash as two unsigned 32-bit halves: plain numbers are faster than BigInt on both runtimes. */
export type Fingerprint = readonly [hi: number, lo: number];

/**
 * Charikar's SimHash over weighted terms: each term votes its weight on each of 64 bits by its hash; the sign
 * of the sum is the bit. The Hamming distance of two fingerprints estimates the angle of the vectors
 * (E[distance] = 64·θ/π).
 * @example hamming(simhash(termVector(a, df)), simhash(termVector(b, df))) <= 3 // same text, give or take
 */
export function simhash(v: TermVector): Fingerprint {
  const sums = new Float64Array(64);
  for (const [term, w] of v) {
    const hi = hash32(term, 0x811c9dc5);
    const lo = hash32(term, 0x050c5d1f);
    for (let bit = 0; bit < 32; bit++) {
      sums[bit] = sums[bit]! + ((hi >>> bit) & 1 ? w : -w);
      sums[32 + bit] = sums[32 + bit]! + ((lo >>> bit) & 1 ? w : -w);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (sums[bit]! > 0) hi |= 1 << bit;
    if (sums[32 + bit]! > 0) lo |= 1 << bit;
  }
  return [hi >>> 0, lo >>> 0];
}

export function hamming(a: Fingerprint, b: Fingerprint): number {
  return popcount32(a[0] ^ b[0]) + popcount32(a[1] ^ b[1]);
}

/** FNV-1a over UTF-16 code units with a murmur3 finaliser: FNV alone mixes the high bits poorly. */
export function hash32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
