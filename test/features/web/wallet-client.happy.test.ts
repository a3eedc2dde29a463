import { genericBatched, publicVerif, TOKEN_TYPES } from '@cloudflare/privacypass-ts';
import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '../../../src/client/backup-code.js';
import { findIdentifyingDetails } from '../../../src/client/identifying-hints.js';
import {
  decodeVarint,
  encodeVarint,
  parseBatchResponse,
  serializeBatchRequest,
} from '../../../src/client/token-batch.js';

const NK = TOKEN_TYPES.BLIND_RSA.Nk;
const request = (keyId: number, fill: number) =>
  new publicVerif.TokenRequest(keyId, new Uint8Array(NK).fill(fill), TOKEN_TYPES.BLIND_RSA);

/** The browser wallet's own pieces, checked in Node: batch framing against privacypass-ts, hints, backups. */
describe('browser wallet parts', () => {
  it('frames a batch exactly as privacypass-ts does, and reads its batched responses', () => {
    for (const n of [1, 3, 10]) {
      const requests = Array.from({ length: n }, (_, i) => request(0x2a, i + 1));
      const ours = serializeBatchRequest(requests.map((r) => r.serialize()));
      const theirs = new genericBatched.Client()
        .createTokenRequest(requests.map((r) => new genericBatched.TokenRequest(r)))
        .serialize();
      expect(ours).toEqual(theirs);
      const parsed = genericBatched.BatchedTokenRequest.deserialize(ours);
      expect(parsed.tokenRequests.map((r) => r.blindMsg[0])).toEqual(requests.map((_, i) => i + 1));
    }
    const responses = [new Uint8Array(NK).fill(7), null, new Uint8Array(NK).fill(9)];
    const bytes = new genericBatched.GenericBatchTokenResponse(
      responses.map(
        (r) => new genericBatched.OptionalTokenResponse(2, r && new publicVerif.TokenResponse(r)),
      ),
    ).serialize();
    expect(parseBatchResponse(bytes)).toEqual(responses);
    expect(() => parseBatchResponse(bytes.subarray(0, bytes.length - 1))).toThrow();
  });

  it('writes and reads QUIC varints at each width boundary', () => {
    for (const n of [0, 63, 64, 16383, 16384, 2 ** 30 - 1]) {
      const bytes = encodeVarint(n);
      expect(decodeVarint(bytes, 0)).toEqual({ value: n, size: bytes.length });
    }
  });

  it('points out details that could identify the author, and not ordinary words', () => {
    const found = findIdentifyingDetails(
      '我叫李四，工号：A20931，手机 13912345678，邮箱 li4@example.com。G1234次 3号车间 昨天 7:30',
    );
    const kinds = Object.fromEntries(found.map((f) => [f.kind, f.text]));
    expect(kinds).toMatchObject({
      name: '我叫李四',
      phone: '13912345678',
      email: 'li4@example.com',
      staffNumber: '工号：A20931',
    });
    expect(found.filter((f) => f.kind === 'placeShift').map((f) => f.text)).toEqual(['G1234次', '3号车间']);
    expect(found.filter((f) => f.kind === 'dateTime').map((f) => f.text)).toEqual(['昨天', '7:30']);
    expect(findIdentifyingDetails('食堂的菜太咸了，希望少放盐。')).toEqual([]);
    expect(findIdentifyingDetails('身份证 11010519491231002X').map((f) => f.kind)).toEqual(['idNumber']);
  });

  it('round-trips a written backup and names the lines that were mistyped', () => {
    const entries = [
      { id: 12, receipt: 'Y0M2-PS1T-C3DF-YWKR-NM74-3KRF-CYXX-SAW4' },
      { id: 7, receipt: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' },
    ];
    const code = encodeBackup(entries);
    expect(code.split('\n')).toHaveLength(3);
    expect(decodeBackup(code)).toEqual({ entries, badLines: [] });
    // typed by hand: lower case, O for 0, spaces instead of dashes
    expect(decodeBackup(code.toLowerCase().replace(/0/g, 'o').replace(/-/g, ' ')).entries).toEqual(entries);
    const typo = code.replace('PS1T', 'PS2T');
    expect(decodeBackup(typo)).toEqual({ entries: [entries[1]], badLines: [2] });
  });
});
