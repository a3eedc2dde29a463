import { z } from '@hono/zod-openapi';
import { PageQuery, pageSchema } from '../../platform/http/pagination.js';

// worker text is stored exactly as written; only its size and emptiness are checked
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

export const CreateThreadBody = z
  .object({
    title: text(120).openapi({ example: '夜班后的通勤怎么解决？' }),
    body: text(5000).openapi({ example: '夜班 2 点下班，没有班车，大家都怎么回家？' }),
  })
  .openapi('CreateThread');

export const CreateReplyBody = z
  .object({
    body: text(5000),
    receipt: z.string().max(64).optional().openapi({
      description:
        'the receipt of YOUR FIRST post in this thread, to appear under the same name; omit for a fresh name',
    }),
    quoteReplyId: z.number().int().positive().optional().openapi({ description: 'a reply in this thread' }),
  })
  .openapi('CreateReply');

const receipt = z.string().openapi({
  description: 'shown once; send it with later replies in this thread to keep your name there',
});

export const CreatedThread = z
  .object({ id: z.number().int(), pseudonym: z.string(), receipt, publishAt: z.string() })
  .openapi('CreatedThread');

export const CreatedReply = z
  .object({
    id: z.number().int(),
    pseudonym: z.string(),
    byStarter: z.boolean(),
    receipt,
    publishAt: z.string(),
  })
  .openapi('CreatedReply');

export const Thread = z
  .object({
    id: z.number().int(),
    title: z.string(),
    body: z.string(),
    pseudonym: z.string().openapi({ description: 'the starter’s name in this thread only' }),
    createdAt: z.string().openapi({ description: 'coarsened to the hour (or day)' }),
    replyCount: z.number().int(),
  })
  .openapi('Thread');

export const Reply = z
  .object({
    id: z.number().int(),
    threadId: z.number().int(),
    body: z.string(),
    pseudonym: z.string(),
    byStarter: z.boolean().openapi({ description: 'written by the thread starter' }),
    quote: z.object({ id: z.number().int(), pseudonym: z.string(), body: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('Reply');

export const ThreadPage = pageSchema(Thread).openapi('ThreadPage');
export const ReplyPage = pageSchema(Reply).openapi('ReplyPage');
export const ThreadListQuery = PageQuery;
export const ReplyListQuery = PageQuery.omit({ q: true });

export const ThreadIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
