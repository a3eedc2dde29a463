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
    boardId: z.number().int().positive().optional().openapi({ description: 'the board (版块) to post in' }),
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
    boardId: z.number().int().nullable(),
    agreeCount: z.number().int().openapi({ description: '"agree" reactions (a count only)' }),
    createdAt: z.string().openapi({ description: 'coarsened to the hour (or day)' }),
    replyCount: z.number().int(),
  })
  .openapi('Thread');

const Department = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });

export const Reply = z
  .object({
    id: z.number().int(),
    threadId: z.number().int(),
    body: z.string(),
    pseudonym: z.string(),
    byStarter: z.boolean().openapi({ description: 'written by the thread starter' }),
    quote: z.object({ id: z.number().int(), pseudonym: z.string(), body: z.string() }).nullable(),
    agreeCount: z.number().int(),
    department: Department.nullable().openapi({
      description: 'set when staff wrote it for their department',
    }),
    createdAt: z.string(),
  })
  .openapi('Reply');

export const ThreadPage = pageSchema(Thread).openapi('ThreadPage');
export const ReplyPage = pageSchema(Reply).openapi('ReplyPage');
export const ThreadListQuery = PageQuery.extend({
  q: PageQuery.shape.q.openapi({ description: 'words to look for; results ranked by relevance' }),
  boardId: z.coerce.number().int().positive().optional().openapi({ description: 'threads of one board' }),
});
export const ReplyListQuery = PageQuery.omit({ q: true });

export const ThreadIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const idParam = (name: string) =>
  z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name, in: 'path' } });

export const ReplyIdParam = z.object({ id: idParam('id') });
export const BoardIdParam = z.object({ id: idParam('id') });

export const Agreed = z
  .object({ id: z.number().int(), agreeCount: z.number().int() })
  .openapi('Agreed', { description: 'the post and its new count' });

export const Board = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    position: z.number().int(),
  })
  .openapi('ForumBoard');
export const BoardList = z.object({ items: z.array(Board) }).openapi('ForumBoardList');

export const CreateBoardBody = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]{1,40}$/),
    nameZh: text(40),
    nameEn: text(80),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .openapi('CreateForumBoard');
export const UpdateBoardBody = CreateBoardBody.partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change')
  .openapi('UpdateForumBoard');

export const StaffReplyBody = z
  .object({
    body: text(5000),
    departmentId: z.number().int().positive().openapi({ description: 'the department you speak for' }),
    quoteReplyId: z.number().int().positive().optional(),
  })
  .openapi('StaffForumReply');
export const StaffReplyCreated = z
  .object({ id: z.number().int(), threadId: z.number().int(), department: Department })
  .openapi('StaffForumReplyCreated');
