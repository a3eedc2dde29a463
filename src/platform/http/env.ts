import type { Context } from 'hono';
import type { StaffActor } from '../../features/staff/staff.service.js';
import type { TokenService } from '../../features/tokens/token.service.js';
import type { ClientBundle } from '../../features/web/client-bundle.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config/config.js';
import type { BlindSigner } from '../crypto/blind-signer.js';
import type { OidcVerifier } from '../crypto/oidc.js';
import type { Secrets } from '../crypto/secrets.js';
import type { Db } from '../db/db.js';
import type { Logger } from '../log.js';
import type { SendMail } from '../mail/send-mail.js';

/** What the composition root needs; both entries and every test build one of these. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  signer: BlindSigner;
  log: Logger;
  /**
   * The client's network address, read only by the salted rate limiter and never stored or logged.
   * Absent where the platform gives none (tests through app.request).
   */
  clientAddress?: (c: Context) => string | undefined;
  /** For outbound calls (the OIDC provider's JWKS); defaults to global fetch. */
  fetch?: typeof fetch;
  /** Staff notification email (Node with SMTP_URL); absent on Workers, where email hooks are skipped. */
  sendMail?: SendMail;
  /**
   * The browser bundle (wallet, posting) served by the web pages, once it is built; without it the pages
   * are read-only. A function, so that the server can listen before the bundle is ready.
   */
  clientBundle?: () => ClientBundle | undefined;
}

/** Services built once from AppDeps by createApp. */
export interface AppServices {
  tokens: TokenService;
  /** Verifies staff ID tokens from the company provider (STAFF_OIDC_*); absent when not configured. */
  staffOidc?: OidcVerifier;
}

/** The one Hono environment: dependencies and services are context variables; `staff` only behind requireStaff. */
export type AppEnv = { Variables: AppDeps & AppServices & { staff?: StaffActor } };
