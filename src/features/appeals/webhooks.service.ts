import { and, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import {
  analyticsAlerts,
  appeals,
  staffNotifications,
  type WebhookFormat,
  webhookDeliveries,
  webhooks,
} from '../../../db/schema/index.js';
import { DAY } from '../../platform/clock.js';
import { seal, unseal } from '../../platform/crypto/seal.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import type { Logger } from '../../platform/log.js';
import type { SendMail } from '../../platform/mail/send-mail.js';
import { departmentTree } from './appeal-state.js';
import { emailMessage } from './email-format.js';
import { notificationVisible } from './inbox.service.js';
import { notificationMessage } from './notification-message.js';
import { dingtalkSignedUrl, robotAccepted, robotBody, type WebhookMessage } from './webhook-formats.js';

const SEAL_CONTEXT = 'webhook';
const MAX_ATTEMPTS = 5;
// a robot that does not answer in time is retried on the next run, not waited for
const TIMEOUT_MS = 5000;

export interface NewWebhook {
  departmentId?: number;
  format: WebhookFormat;
  url: string;
  secret?: string;
}

export async function createWebhook(db: Db, secrets: Secrets, input: NewWebhook, now: number) {
  const tree = await departmentTree(db);
  if (input.departmentId !== undefined && !tree.has(input.departmentId))
    throw new AppError('DEPARTMENT_NOT_FOUND');
  const isEmail = input.format === 'email';
  if (isEmail === /^https?:\/\//.test(input.url) || (isEmail && input.secret))
    throw new AppError('VALIDATION_FAILED');
  const enc = (s: string) => seal(secrets.sealKey, new TextEncoder().encode(s), SEAL_CONTEXT);
  const [row] = await db
    .insert(webhooks)
    .values({
      departmentId: input.departmentId ?? null,
      format: input.format,
      urlSealed: await enc(input.url),
      // an address shows only its domain, as a URL shows only its host
      host: isEmail ? input.url.slice(input.url.lastIndexOf('@') + 1) : new URL(input.url).host,
      secretSealed: input.secret ? await enc(input.secret) : null,
      createdAt: now,
    })
    .returning();
  return publicWebhook(row!);
}

const publicWebhook = (w: typeof webhooks.$inferSelect) => ({
  id: w.id,
  departmentId: w.departmentId,
  format: w.format,
  host: w.host,
  signed: w.secretSealed !== null,
  createdAt: new Date(w.createdAt).toISOString(),
});

export async function listWebhooks(db: Db) {
  const rows = await db.select().from(webhooks).where(isNull(webhooks.disabledAt)).orderBy(desc(webhooks.id));
  return rows.map(publicWebhook);
}

export async function disableWebhook(db: Db, id: number, now: number) {
  const rows = await db
    .update(webhooks)
    .set({ disabledAt: now })
    .where(and(eq(webhooks.id, id), isNull(webhooks.disabledAt)))
    .returning({ id: webhooks.id });
  if (rows.length === 0) throw new AppError('WEBHOOK_NOT_FOUND');
}

/**
 * Sends undelivered inbox items of the last week to the matching robots and email addresses (a
 * department's, or all), each at most once; failures are retried on later runs up to five attempts.
 * Items of appeals still in their publication delay wait, so staff learn of a post no sooner than the
 * public does; alert items and weekly digests go out as they come. Email hooks wait where no mailer is
 * given (Workers, or SMTP_URL unset).
 */
export async function deliverPending(
  db: Db,
  deps: {
    secrets: Secrets;
    fetch: typeof fetch;
    sendMail?: SendMail | undefined;
    log?: Logger;
    origin: string;
    now: number;
  },
) {
  const { now } = deps;
  const hooks = await db.select().from(webhooks).where(isNull(webhooks.disabledAt));
  const result = { sent: 0, failed: 0 };
  if (hooks.length === 0) return result;
  const items = await db
    .select({ n: staffNotifications, appealTitle: appeals.title, alert: analyticsAlerts })
    .from(staffNotifications)
    .leftJoin(appeals, eq(appeals.id, staffNotifications.appealId))
    .leftJoin(analyticsAlerts, eq(analyticsAlerts.id, staffNotifications.alertId))
    .where(
      and(
        notificationVisible(now),
        lte(staffNotifications.at, now),
        gte(staffNotifications.at, now - 7 * DAY),
      ),
    )
    .limit(500);
  if (items.length === 0) return result;
  const done = await db
    .select()
    .from(webhookDeliveries)
    .where(
      inArray(
        webhookDeliveries.notificationId,
        items.map((i) => i.n.id),
      ),
    );
  const state = new Map(done.map((d) => [`${d.notificationId}:${d.webhookId}`, d]));
  const tree = await departmentTree(db);
  const dec = async (s: string) =>
    new TextDecoder().decode(await unseal(deps.secrets.sealKey, s, SEAL_CONTEXT));
  for (const hook of hooks) {
    if (hook.format === 'email' && !deps.sendMail) {
      deps.log?.info({
        msg: 'email hook skipped',
        reason: 'no SMTP mailer on this platform or SMTP_URL unset',
        webhookId: hook.id,
      });
      continue;
    }
    const url = await dec(hook.urlSealed);
    const secret = hook.secretSealed ? await dec(hook.secretSealed) : null;
    for (const { n, appealTitle, alert } of items) {
      if (hook.departmentId !== null && hook.departmentId !== n.departmentId) continue;
      if (n.at < hook.createdAt) continue;
      const prior = state.get(`${n.id}:${hook.id}`);
      if (prior?.sentAt || (prior?.attempts ?? 0) >= MAX_ATTEMPTS) continue;
      const department = tree.nameOf(n.departmentId);
      const message = notificationMessage(n, { appealTitle, alert, department }, deps.origin);
      let ok = false;
      try {
        if (hook.format === 'email') {
          await deps.sendMail!(emailMessage(url, message));
          ok = true;
        } else ok = await postRobot(deps.fetch, hook.format, url, secret, message, now);
      } catch {
        ok = false;
      }
      await db
        .insert(webhookDeliveries)
        .values({
          notificationId: n.id,
          webhookId: hook.id,
          attempts: 1,
          sentAt: ok ? now : null,
          lastAttemptAt: now,
        })
        .onConflictDoUpdate({
          target: [webhookDeliveries.notificationId, webhookDeliveries.webhookId],
          set: { attempts: (prior?.attempts ?? 0) + 1, sentAt: ok ? now : null, lastAttemptAt: now },
        });
      if (ok) result.sent++;
      else result.failed++;
    }
  }
  return result;
}

async function postRobot(
  fetcher: typeof fetch,
  format: Exclude<WebhookFormat, 'email'>,
  url: string,
  secret: string | null,
  message: WebhookMessage,
  now: number,
) {
  const body = robotBody(format, message);
  const target = format === 'dingtalk' && secret ? await dingtalkSignedUrl(url, secret, now) : url;
  const res = await fetcher(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  return robotAccepted(res);
}
