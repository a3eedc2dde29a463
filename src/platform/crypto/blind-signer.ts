/**
 * The one private-key operation of a Privacy Pass type 2 issuer: RSASP1 over a blinded message
 * (RFC 9474 §4.3, BlindSign). Entries supply a native implementation, since the library's own
 * big-number code signs ~2.5 tokens/s; output is byte-identical (tested against the library).
 */
export interface BlindSigner {
  blindSign(privateKeyPkcs8: Uint8Array, blindedMsg: Uint8Array): Promise<Uint8Array>;
  /**
   * RSASSA-PSS (SHA-384, 48-byte salt) check of a redeemed token's authenticator (RFC 9578 §6.4), done on
   * the calling thread where the platform allows. Absent: redemption awaits the library's WebCrypto call.
   */
  verifyToken?(publicKey: CryptoKey, signature: Uint8Array, message: Uint8Array): boolean;
}
