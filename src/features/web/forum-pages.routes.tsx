import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { PageQuery } from '../../platform/http/pagination.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { listBoards } from '../forum/boards.service.js';
import { ThreadListQuery } from '../forum/forum.schemas.js';
import { getThread, listReplies, listThreads } from '../forum/forum-read.service.js';
import { moderatedTypes } from '../moderation/index.js';
import { ForumListView, type Hidden, ThreadView } from './forum.views.js';
import { renderError, viewed } from './pages.routes.js';
import { renderPage } from './render-page.js';

// the moderation item types of forum posts; flag buttons show once moderation accepts them
const THREAD = 'forum_thread';
const REPLY = 'forum_reply';
const moderates = (type: string) => (moderatedTypes as readonly string[]).includes(type);

function pageQuery(raw: Record<string, string | undefined>) {
  const parsed = PageQuery.safeParse({ ...raw, q: raw.q || undefined, cursor: raw.cursor || undefined });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED');
  return parsed.data;
}

const idOf = (raw: string) => {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new AppError('THREAD_NOT_FOUND');
  return Number(raw);
};

/** The forum (论坛) pages: thread list and search, one thread with its replies; posting through the bundle. */
export const forumPageRoutes = new Hono<AppEnv>()
  .get('/forum', compress(), async (c) => {
    const i18n = i18nOf(c);
    const parsed = ThreadListQuery.safeParse({
      q: c.req.query('q') || undefined,
      boardId: c.req.query('boardId') || undefined,
      cursor: c.req.query('cursor') || undefined,
    });
    if (!parsed.success) throw new AppError('VALIDATION_FAILED');
    const query = parsed.data;
    const [boards, page] = await Promise.all([
      listBoards(c.var.db),
      listThreads(c.var.db, query, c.var.clock.now()),
    ]);
    const threads = page.items.map((t) =>
      t.moderation && i18n.locale === 'en' ? { ...t, title: t.moderation.tombstone.en } : t,
    );
    await viewed(c, 'forum');
    const view = (
      <ForumListView
        i18n={i18n}
        boards={boards}
        boardId={query.boardId}
        q={query.q}
        threads={threads}
        nextCursor={page.nextCursor}
      />
    );
    return renderPage(c, i18n, { title: i18n.t('forum.title'), page: 'forum', app: 'forum' }, view);
  })
  .get('/forum/threads/:id', compress(), async (c) => {
    const i18n = i18nOf(c);
    const id = idOf(c.req.param('id'));
    const query = pageQuery({ cursor: c.req.query('cursor'), limit: '50' });
    const now = c.var.clock.now();
    const thread = await getThread(c.var.db, id, now);
    const replies = await listReplies(c.var.db, id, query, now);
    // quoted replies too, which may be on another page: a quote must not show what was hidden
    const hiddenReplies = new Map(
      replies.items
        .flatMap((r) => [r, ...(r.quote ? [r.quote] : [])])
        .flatMap((r) => (r.moderation ? [[r.id, r.moderation] as const] : [])),
    );
    const hidden: Hidden = { thread: thread.moderation, replies: hiddenReplies };
    const view = (
      <ThreadView
        i18n={i18n}
        thread={thread}
        replies={replies.items}
        nextCursor={replies.nextCursor}
        hidden={hidden}
        flaggable={{ thread: moderates(THREAD), reply: moderates(REPLY) }}
      />
    );
    const title = hidden.thread ? i18n.t('forum.title') : thread.title;
    return renderPage(c, i18n, { title, page: 'forum', app: 'forum' }, view);
  })
  .onError(renderError);
