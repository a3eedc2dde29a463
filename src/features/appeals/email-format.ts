import type { MailMessage } from '../../platform/mail/send-mail.js';
import { linkLabels, notificationLabels, type WebhookMessage } from './webhook-formats.js';

const shorten = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);
// a title must not add header lines or look like a separate paragraph of the message
const oneLine = (s: string) => s.replace(/[\r\n\t\u2028\u2029]+/g, ' ');

/**
 * A staff notification as plain-text email, Chinese first with English; the worker's only text in it is
 * the public title of an appeal or the topic terms of an alert.
 * @example emailMessage('desk@example.org', { kind: 'assigned', about: 'appeal', ref: '诉求 / Appeal #42', title, details, link })
 */
export function emailMessage(to: string, m: WebhookMessage): MailMessage {
  const label = notificationLabels[m.kind];
  const details = m.details.map((d) => `${oneLine(d)}\n`).join('');
  return {
    to,
    subject: `[直通] ${label} · ${m.ref} (${m.kind})`,
    text:
      `直通 · ${label}\nZhitong notification: ${m.kind}\n\n` +
      `${m.ref}: ${oneLine(shorten(m.title, 120))}\n${details}\n` +
      `${linkLabels[m.about]} / View: ${m.link}\n`,
  };
}
