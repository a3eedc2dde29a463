import { z } from '@hono/zod-openapi';
import { inArray } from 'drizzle-orm';
import { adminSettings, staffRoles } from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import type { BatchItem, Db } from '../../platform/db/db.js';

// a retention shorter than this could purge notifications the webhook outbox (7 days) still delivers
const MIN_RETENTION_DAYS = 8;
const retentionDays = z.number().int().min(MIN_RETENTION_DAYS).max(36500);

/** Every admin setting: its validation and its default (what holds until an admin changes it). */
export const SettingsSchema = z
  .object({
    // flag weight at which an unreviewed item is hidden pending review; null: never automatically
    autoHideWeight: z.number().int().min(1).max(1000).nullable(),
    // roles whose members must sign in with a TOTP code
    totpRequiredRoles: z.array(z.enum(staffRoles)).max(staffRoles.length),
    tokenBudget: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .openapi({ description: 'tokens a worker may obtain per period (default: TOKEN_BUDGET)' }),
    tokenBudgetPeriodDays: z
      .number()
      .int()
      .min(1)
      .max(366)
      .openapi({ description: 'length of a budget period (default: TOKEN_BUDGET_PERIOD_DAYS)' }),
    retainPageViewDays: retentionDays
      .nullable()
      .openapi({ description: 'hourly view counts older than this are deleted; null: kept' }),
    retainNotificationDays: retentionDays.openapi({
      description: 'staff inbox items (and their webhook deliveries) older than this are deleted',
    }),
    retainStaffSessionDays: retentionDays.openapi({
      description: 'ended staff sessions last used longer ago than this are deleted',
    }),
  })
  .openapi('Settings');

export type Settings = z.infer<typeof SettingsSchema>;

/** The defaults: the configuration's token budget, and retention that keeps public figures intact. */
export function defaultSettings(config: Pick<Config, 'TOKEN_BUDGET' | 'TOKEN_BUDGET_PERIOD_DAYS'>): Settings {
  return {
    autoHideWeight: null,
    totpRequiredRoles: [],
    tokenBudget: config.TOKEN_BUDGET,
    tokenBudgetPeriodDays: config.TOKEN_BUDGET_PERIOD_DAYS,
    // view counts feed the public monthly figures, so they are kept unless an admin decides otherwise
    retainPageViewDays: null,
    retainNotificationDays: 180,
    retainStaffSessionDays: 90,
  };
}

const KEYS = Object.keys(SettingsSchema.shape) as (keyof Settings)[];

/** The current settings, in one query; a stored value that no longer validates falls back to its default. */
export async function getSettings(
  db: Db,
  config: Pick<Config, 'TOKEN_BUDGET' | 'TOKEN_BUDGET_PERIOD_DAYS'>,
): Promise<Settings> {
  const rows = await db.select().from(adminSettings).where(inArray(adminSettings.key, KEYS));
  const settings: Record<string, unknown> = defaultSettings(config);
  for (const r of rows) {
    const parsed = SettingsSchema.shape[r.key as keyof Settings]?.safeParse(
      (r.value as { value?: unknown }).value,
    );
    if (parsed?.success) settings[r.key] = parsed.data;
  }
  return settings as Settings;
}

/**
 * The configuration with the admin's token budget in place of TOKEN_BUDGET and TOKEN_BUDGET_PERIOD_DAYS,
 * for issuance and the salt rotation that must agree with it on the period.
 */
export async function withBudgetSettings(db: Db, config: Config): Promise<Config> {
  const s = await getSettings(db, config);
  return { ...config, TOKEN_BUDGET: s.tokenBudget, TOKEN_BUDGET_PERIOD_DAYS: s.tokenBudgetPeriodDays };
}

/** Upserts of the changed settings, for the batch that also logs the change. */
export function settingStatements(db: Db, changes: Partial<Settings>, now: number): BatchItem[] {
  return Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .map(([key, value]) =>
      db
        .insert(adminSettings)
        // wrapped, so that a null setting is stored as JSON rather than as SQL NULL
        .values({ key, value: { value }, updatedAt: now })
        .onConflictDoUpdate({ target: adminSettings.key, set: { value: { value }, updatedAt: now } }),
    );
}
