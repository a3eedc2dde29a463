import type { analyticsAlerts, staffNotifications } from '../../../db/schema/index.js';
import type { WebhookMessage } from './webhook-formats.js';

type Notification = typeof staffNotifications.$inferSelect;
type Alert = Pick<typeof analyticsAlerts.$inferSelect, 'id' | 'label' | 'observed' | 'distinctCount'>;

/**
 * What a robot or an email says about an inbox item. About an appeal: its public title. About an alert:
 * its topic terms, its volume and a link to the staff page, never a post's text. A digest: its counts and
 * the topic terms of its largest topics (each of at least five items).
 */
export function notificationMessage(
  n: Notification,
  subject: { appealTitle: string | null; alert: Alert | null; department: string | null },
  origin: string,
): WebhookMessage {
  const dept = subject.department ? [`责任部门 / Department: ${subject.department}`] : [];
  if (n.digest) {
    const d = n.digest;
    return {
      kind: n.kind,
      about: 'digest',
      ref: `周报 / Digest ${d.week}`,
      title: `${d.week} 舆情预警 / early-warning alerts`,
      details: [
        `新增 / new: ${d.newAlerts} · 未结 / open: ${d.openAlerts} · 已结 / closed: ${d.closedAlerts}`,
        ...d.topics.map((t) => `话题 / topic: ${t.label} · ${t.items} 条 items`),
      ],
      link: `${origin}/staff/alerts`,
    };
  }
  if (subject.alert) {
    const a = subject.alert;
    return {
      kind: n.kind,
      about: 'alert',
      ref: `预警 / Alert #${a.id}`,
      title: a.label,
      details: [`量 / volume: ${a.observed} 条 items, ${a.distinctCount} 条不重复 distinct`, ...dept],
      link: `${origin}/staff/alerts/${a.id}`,
    };
  }
  return {
    kind: n.kind,
    about: 'appeal',
    ref: `诉求 / Appeal #${n.appealId}`,
    title: subject.appealTitle ?? '',
    details: dept,
    link: `${origin}/appeals/${n.appealId}`,
  };
}
