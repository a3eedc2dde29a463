import { z } from '@hono/zod-openapi';
import { staffRoles } from '../../../db/schema/index.js';
import { SettingsSchema } from './settings.service.js';

const departmentIds = z.array(z.number().int().positive()).max(50);
const oidcSubject = z.string().min(1).max(255).openapi({
  description: 'the `sub` claim of the company provider (STAFF_OIDC_ISSUER) this member signs in as',
});

export const StaffAccount = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(staffRoles),
    departmentIds: z.array(z.number().int()),
    disabled: z.boolean(),
    totpEnrolled: z.boolean(),
    mustChangePassword: z.boolean(),
    oidcSubject: z.string().nullable(),
  })
  .openapi('StaffAccount');

export const StaffList = z.object({ staff: z.array(StaffAccount) }).openapi('StaffList');

export const CreateStaffBody = z
  .object({
    username: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'lowercase letters, digits, dot, dash, underscore'),
    displayName: z.string().trim().min(1).max(60),
    role: z.enum(staffRoles),
    departmentIds: departmentIds.optional(),
    oidcSubject: oidcSubject
      .optional()
      .openapi({ description: 'given: no one-time password, OIDC sign-in only' }),
  })
  .openapi('CreateStaff');

export const UpdateStaffBody = z
  .object({
    role: z.enum(staffRoles).optional(),
    displayName: z.string().trim().min(1).max(60).optional(),
    departmentIds: departmentIds.optional(),
    oidcSubject: oidcSubject.nullable().optional().openapi({
      description: 'bind (or, null, unbind) a company account; an unused one-time password lapses',
    }),
  })
  .openapi('UpdateStaff');

export const OneTimePassword = z
  .object({
    id: z.number().int().optional(),
    username: z.string().optional(),
    oneTimePassword: z.string().optional(),
  })
  .openapi('OneTimePassword', { description: 'shown once; the holder must change it at first sign-in' });

export const StaffIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const StaffActionParams = StaffIdParams.extend({
  action: z
    .enum(['disable', 'reset-password', 'reset-totp'])
    .openapi({ param: { name: 'action', in: 'path' } }),
});

export const SettingsUpdate = SettingsSchema.partial().openapi('SettingsUpdate');

export const SettingsView = z
  .object({
    settings: SettingsSchema,
    withoutTotp: z.array(z.string()).openapi({
      description: 'active staff in TOTP-required roles who have not enrolled yet (they enrol at sign-in)',
    }),
  })
  .openapi('SettingsView');

export const CodeBatchBody = z
  .object({
    count: z.number().int().min(1).max(5000),
    validDays: z.number().int().min(1).max(3650).optional(),
    label: z.string().trim().max(80).optional(),
  })
  .openapi('CreateCodeBatch');

export const CodeBatch = z
  .object({
    id: z.number().int(),
    label: z.string(),
    count: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revoked: z.number().int(),
  })
  .openapi('CodeBatch');

export const CreatedCodes = z
  .object({ batchId: z.number().int(), codes: z.array(z.string()), expiresAt: z.string() })
  .openapi('CreatedCodes', { description: 'the codes are shown once and stored only as keyed hashes' });

export const RevokeCodeBody = z.object({ code: z.string().min(8).max(64) }).openapi('RevokeCode');

export const Count = z.object({ count: z.number().int() }).openapi('Count');

export const Rotation = z
  .object({
    created: z.string().nullable(),
    retired: z.string().nullable(),
    waitingUntil: z.string().nullable(),
  })
  .openapi('IssuerKeyRotation');

export const TotpEnrolment = z
  .object({ secret: z.string(), otpauthUri: z.string(), ticket: z.string() })
  .openapi('TotpEnrolment');

export const TotpConfirmBody = z
  .object({ ticket: z.string().min(1).max(512), code: z.string().regex(/^\d{6}$/) })
  .openapi('TotpConfirm');

export const Empty = z.object({}).openapi('Empty');
export const Ok = z.object({ ok: z.literal(true) });
