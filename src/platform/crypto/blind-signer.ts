/**
 * The one private-key operation of a Privacy Pass type 2 issuer: RSASP1 over a blinded message
 * (RFC 9474 §4.3, BlindSign). Entries supply a native implementation, since the library's own
 * big-number code signs ~2.5 tokens/s; output is byte-identical (tested against the library).
 */
export interface BlindSigner {
  blindSign(privateKeyPkcs8: Uint8Array, blindedMsg: Uint8Array): Promise<Uint8Array>;
}
