import { z } from '@hono/zod-openapi';
import { inArray } from 'drizzle-orm';
import { adminSettings, staffRoles } from '../../../db/schema/index.js';
import type { BatchItem, Db } from '../../platform/db/db.js';

/** Every admin setting: its validation and its default (what holds until an admin changes it). */
export const SettingsSchema = z
  .object({
    // flag weight at which an unreviewed item is hidden pending review; null: never automatically
    autoHideWeight: z.number().int().min(1).max(1000).nullable(),
    // roles whose members must sign in with a TOTP code
    totpRequiredRoles: z.array(z.enum(staffRoles)).max(staffRoles.length),
  })
  .openapi('Settings');

export type Settings = z.infer<typeof SettingsSchema>;

const DEFAULTS: Settings = { autoHideWeight: null, totpRequiredRoles: [] };
const KEYS = Object.keys(DEFAULTS) as (keyof Settings)[];

/** The current settings; a stored value that no longer validates falls back to its default. */
export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.select().from(adminSettings).where(inArray(adminSettings.key, KEYS));
  const settings: Record<string, unknown> = { ...DEFAULTS };
  for (const r of rows) {
    const parsed = SettingsSchema.shape[r.key as keyof Settings]?.safeParse(
      (r.value as { value?: unknown }).value,
    );
    if (parsed?.success) settings[r.key] = parsed.data;
  }
  return settings as Settings;
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
