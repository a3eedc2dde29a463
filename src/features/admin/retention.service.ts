import { inArray, lt } from 'drizzle-orm';
import { pageViews, staffNotifications, staffSessions, webhookDeliveries } from '../../../db/schema/index.js';
import { DAY } from '../../platform/clock.js';
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/db.js';
import { getSettings } from './settings.service.js';

export interface Purged {
  pageViews: number;
  notifications: number;
  deliveries: number;
  staffSessions: number;
}

/**
 * Deletes what the admin's retention settings let go: hourly view counts, staff inbox items with their
 * webhook deliveries, and staff sessions last used before the cut-off (long ended: idle expiry is at most
 * an hour). Only operational rows: public content, log entries, checkpoints and text commitments are
 * never touched, so the public log stays verifiable. One batch; run by the scheduled jobs.
 * @example await purgeExpired(db, config, clock.now())
 */
export async function purgeExpired(db: Db, config: Config, now: number): Promise<Purged> {
  const s = await getSettings(db, config);
  const notificationsBefore = now - s.retainNotificationDays * DAY;
  const oldNotifications = db
    .select({ id: staffNotifications.id })
    .from(staffNotifications)
    .where(lt(staffNotifications.at, notificationsBefore));
  const statements = [
    db
      .delete(webhookDeliveries)
      .where(inArray(webhookDeliveries.notificationId, oldNotifications))
      .returning({ id: webhookDeliveries.notificationId }),
    db
      .delete(staffNotifications)
      .where(lt(staffNotifications.at, notificationsBefore))
      .returning({ id: staffNotifications.id }),
    db
      .delete(staffSessions)
      .where(lt(staffSessions.lastSeenAt, now - s.retainStaffSessionDays * DAY))
      .returning({ id: staffSessions.idHash }),
    // null: view counts are kept
    ...(s.retainPageViewDays === null
      ? []
      : [
          db
            .delete(pageViews)
            .where(lt(pageViews.hour, now - s.retainPageViewDays * DAY))
            .returning({ id: pageViews.hour }),
        ]),
  ] as const;
  const [deliveries, notifications, sessions, views = []] = (await db.batch(
    statements as unknown as Parameters<Db['batch']>[0],
  )) as unknown as { id: unknown }[][];
  return {
    pageViews: views.length,
    deliveries: deliveries!.length,
    notifications: notifications!.length,
    staffSessions: sessions!.length,
  };
}
