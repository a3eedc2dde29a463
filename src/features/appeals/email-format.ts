import type { MailMessage } from '../../platform/mail/send-mail.js';
import { notificationLabels, type WebhookMessage } from './webhook-formats.js';

const shorten = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);
// a title must not add header lines or look like a separate paragraph of the message
const oneLine = (s: string) => s.replace(/[\r\n\t\u2028\u2029]+/g, ' ');

/**
 * A staff notification as plain-text email, Chinese first with English; the worker's only text in it is
 * the public title.
 * @example emailMessage('desk@example.org', 42, { kind: 'assigned', title, department, link })
 */
export function emailMessage(to: string, appealId: number, m: WebhookMessage): MailMessage {
  const label = notificationLabels[m.kind];
  const dept = m.department ? `责任部门 / Department: ${m.department}\n` : '';
  return {
    to,
    subject: `[直通] ${label} · 诉求 #${appealId} (${m.kind})`,
    text:
      `直通 · ${label}\nZhitong notification: ${m.kind}\n\n` +
      `诉求 / Appeal #${appealId}: ${oneLine(shorten(m.title, 120))}\n${dept}\n` +
      `查看诉求 / View: ${m.link}\n`,
  };
}
