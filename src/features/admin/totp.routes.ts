import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { staff, staffRoles } from '../../../db/schema/index.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { Empty, Ok, TotpConfirmBody, TotpEnrolment } from './admin.schemas.js';
import { beginEnrolment, completeEnrolment } from './second-factor.service.js';

const tags = ['staff'];

const begin = createRoute({
  method: 'post',
  path: '/api/v1/staff/totp',
  tags,
  summary: 'Start enrolling an authenticator app: a secret to scan and a ticket to confirm it with',
  middleware: [requireStaff(...staffRoles)] as const,
  request: { body: jsonBody(Empty) },
  responses: { 200: jsonContent(TotpEnrolment, 'Scan the secret'), ...errorResponses(401, 409) },
});

const confirm = createRoute({
  method: 'post',
  path: '/api/v1/staff/totp/confirm',
  tags,
  summary: 'Confirm enrolment with a code from the app; from then on, sign-in needs a code',
  middleware: [requireStaff(...staffRoles)] as const,
  request: { body: jsonBody(TotpConfirmBody) },
  responses: { 200: jsonContent(Ok, 'Enrolled (logged)'), ...errorResponses(401, 409, 422) },
});

/** Self-service TOTP enrolment for any signed-in staff member; an admin can reset it (reset-totp). */
export const totpRoutes = router()
  .openapi(begin, async (c) => {
    const me = currentStaff(c);
    const [row] = await c.var.db
      .select({ sealed: staff.totpSecretSealed })
      .from(staff)
      .where(eq(staff.id, me.id));
    if (row?.sealed) throw new AppError('TOTP_ALREADY_ENROLLED');
    return c.json(await beginEnrolment(c.var.secrets, me, c.var.clock.now()), 200);
  })
  .openapi(confirm, async (c) => {
    const { ticket, code } = c.req.valid('json');
    const { db, secrets, clock } = c.var;
    await completeEnrolment({ db, secrets, now: clock.now() }, currentStaff(c), ticket, code);
    return c.json({ ok: true as const }, 200);
  });
