import type { JWK } from '../../../platform/crypto/checkpoint-signature.js';

/** What the verifier finds, and what it remembers between runs. */
export type ProblemCode =
  | 'key-changed'
  | 'key-unannounced'
  | 'checkpoint-signature'
  | 'checkpoint-mismatch'
  | 'fork'
  | 'truncated'
  | 'gap'
  | 'chain'
  | 'hash'
  | 'commitment-mismatch'
  | 'withheld-unlogged'
  | 'item-missing'
  | 'text-mismatch';

export interface Problem {
  code: ProblemCode;
  message: string;
  seq?: number;
  item?: { type: string; id: number };
  /** for a fork: the two signed checkpoints, proof that the log said two different things */
  evidence?: string[];
}

export interface SeenCheckpoint {
  size: number;
  head: string;
  time: string;
  signature: string;
}

/** What a verifier remembers between runs. */
export interface VerifierState {
  log: string;
  keys: JWK[];
  checkpoints: SeenCheckpoint[];
}

export interface VerifyReport {
  ok: boolean;
  log: string;
  size: number;
  head: string;
  entries: number;
  itemsChecked: number;
  itemsWithheld: number;
  problems: Problem[];
  /** save this and pass it to the next run */
  state: VerifierState;
}
