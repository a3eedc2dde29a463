import type { NotificationKind, WebhookFormat } from '../../../db/schema/index.js';
import { toBase64Url } from '../../platform/crypto/encoding.js';

export const notificationLabels: Record<NotificationKind, string> = {
  assigned: '新分派的诉求',
  unrouted: '待分派的诉求',
  deadline_approaching: '答复期限将至',
  deadline_passed: '已超过答复期限',
  escalated: '逾期诉求已上交本部门',
  reopened: '诉求人不满意，已重新办理',
  commitment_due: '承诺期限将至',
  commitment_overdue: '承诺已逾期，请登记结果',
  alert_raised: '舆情预警：话题量明显上升',
  alert_assigned: '舆情预警已交本部门回应',
  weekly_digest: '舆情预警周报',
};

export const linkLabels = { appeal: '查看诉求', alert: '查看预警', digest: '查看预警列表' } as const;

export interface WebhookMessage {
  kind: NotificationKind;
  about: keyof typeof linkLabels;
  // e.g. "诉求 / Appeal #42", "预警 / Alert #7", "周报 / Digest 2026-W48"
  ref: string;
  // an appeal's public title or an alert's topic terms: the only text derived from workers
  title: string;
  // facts composed by us (department, volume, counts); topic terms in them are neutralised as well
  details: string[];
  link: string;
}

// worker text goes into robot markdown: its markup characters become their full-width twins, so a title
// cannot add links or formatting to the message
const MARKUP = /[[\]()*_`<>#~|!]/g;
const neutralise = (s: string) => s.replace(MARKUP, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const shorten = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

/**
 * The request body of a group robot: 企业微信 (WeCom) and 钉钉 (DingTalk) both take markdown, in
 * slightly different envelopes.
 * @example robotBody('wecom', { kind: 'assigned', about: 'appeal', ref, title, details: ['责任部门：房产管理处'], link })
 */
export function robotBody(format: WebhookFormat, m: WebhookMessage): Record<string, unknown> {
  const label = notificationLabels[m.kind];
  const title = neutralise(shorten(m.title, 60));
  const details = m.details.map((d) => `\n> ${neutralise(d)}`).join('');
  const link = `[${linkLabels[m.about]}](${m.link})`;
  if (format === 'wecom') {
    return {
      msgtype: 'markdown',
      markdown: { content: `**直通 · ${label}**\n> ${title}${details}\n${link}` },
    };
  }
  return {
    msgtype: 'markdown',
    markdown: {
      title: `直通 · ${label}`,
      text: `#### 直通 · ${label}\n> ${title}\n${details}\n\n${link}`,
    },
  };
}

/**
 * DingTalk's optional signature (加签): `timestamp` in ms and `sign` = base64(HMAC-SHA256(secret,
 * "timestamp\nsecret")) are added to the URL.
 */
export async function dingtalkSignedUrl(url: string, secret: string, timestamp: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${timestamp}\n${secret}`)),
  );
  const b64 = toBase64Url(mac).replace(/-/g, '+').replace(/_/g, '/');
  const sign = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** Both robots answer HTTP 200 with `{ "errcode": 0 }` on success, and 200 with another errcode on failure. */
export async function robotAccepted(res: Response): Promise<boolean> {
  if (!res.ok) return false;
  try {
    const body = (await res.json()) as { errcode?: number };
    return body.errcode === undefined || body.errcode === 0;
  } catch {
    return true;
  }
}
