import { z } from '@hono/zod-openapi';
import { staffRoles } from '../../../db/schema/index.js';

export const SignInBody = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    // the ticket from a TOTP_ENROLMENT_REQUIRED answer, sent back with the first code
    totpEnrolment: z.string().max(512).optional(),
  })
  .openapi('StaffSignIn');

export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(12).max(256) })
  .openapi('StaffChangePassword');

export const StaffMe = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(staffRoles),
    departmentIds: z.array(z.number().int()),
    mustChangePassword: z.boolean(),
  })
  .openapi('StaffMe');

export const OidcSignInBody = z
  .object({
    idToken: z.string().min(1).max(8192).openapi({ description: 'an ID token from STAFF_OIDC_ISSUER' }),
    totp: SignInBody.shape.totp,
    totpEnrolment: SignInBody.shape.totpEnrolment,
  })
  .openapi('StaffOidcSignIn');
