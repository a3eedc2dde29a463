import { eq } from 'drizzle-orm';
import { departments } from '../../../db/schema/index.js';
import { toHex } from '../../platform/crypto/encoding.js';
import { randomBytes } from '../../platform/crypto/hash.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { logStatements, sealLog, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';
import { checkQuote, newestReplyId, publishedThread, replyStatements } from './forum.service.js';

/**
 * Staff take part under their department's name (responders only for their own departments). The reply
 * is public at once and marked with the department; who wrote it is on the public log.
 */
export async function staffReply(
  db: Db,
  actor: StaffActor,
  threadId: number,
  input: { body: string; departmentId: number; quoteReplyId?: number },
  now: number,
) {
  if (actor.role === 'responder' && !actor.departmentIds.includes(input.departmentId))
    throw new AppError('DEPARTMENT_FORBIDDEN');
  const [dept] = await db.select().from(departments).where(eq(departments.id, input.departmentId));
  if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
  await publishedThread(db, threadId, now);
  await checkQuote(db, threadId, input.quoteReplyId, now);
  const [inserted] = (await db.batch([
    ...(await replyStatements(db, {
      threadId,
      body: input.body,
      pseudonym: dept.nameZh,
      // staff hold no receipt; a random value keeps the column's uniqueness and matches no receipt's HMAC
      receiptHash: `staff:${toHex(randomBytes(16))}`,
      departmentId: dept.id,
      quoteReplyId: input.quoteReplyId ?? null,
      createdAt: now,
      publishAt: now,
    })),
    ...logStatements(db, {
      kind: 'forum.staff-reply',
      item: { type: 'forum-reply', id: newestReplyId },
      actor: staffActor(actor),
      now,
      data: { threadId, departmentId: dept.id, quoteReplyId: input.quoteReplyId ?? null },
    }),
  ] as unknown as Parameters<Db['batch']>[0])) as unknown as [{ id: number }[]];
  await sealLog(db);
  return {
    id: inserted[0]!.id,
    threadId,
    department: { id: dept.id, nameZh: dept.nameZh, nameEn: dept.nameEn },
  };
}
