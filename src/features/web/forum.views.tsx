import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import type { ModerationNotice } from '../moderation/index.js';
import { ScriptMessages, TextField } from './appeal-follow-up.views.js';
import { UserText } from './components.js';

interface ThreadSummary {
  id: number;
  title: string;
  body: string;
  pseudonym: string;
  createdAt: string;
  replyCount: number;
  boardId?: number | null;
  agreeCount?: number;
}

/** A forum board (版块) as the forum service lists it. */
export interface Board {
  id: number;
  nameZh: string;
  nameEn: string;
}

interface ReplyView {
  id: number;
  body: string;
  pseudonym: string;
  byStarter: boolean;
  quote: { id: number; pseudonym: string; body: string } | null;
  createdAt: string;
  agreeCount?: number;
  /** set when staff wrote it for their department */
  department?: { nameZh: string; nameEn: string } | null;
}

const nameOf = (i18n: I18n, x: { nameZh: string; nameEn: string }) =>
  i18n.locale === 'en' ? x.nameEn : x.nameZh;

/** "Agree" with its count; the bundle spends a token to send it. */
function AgreeForm(props: { i18n: I18n; path: string; count: number }) {
  return (
    <form class="agree-form" data-agree={props.path} hidden>
      <button type="submit" class="secondary">
        {props.i18n.t('forum.agree', { n: props.count })}
      </button>
    </form>
  );
}

function AgreeCount(props: { i18n: I18n; count: number }) {
  return props.count > 0 ? (
    <span class="meta"> · {props.i18n.t('forum.agreed', { n: props.count })}</span>
  ) : null;
}

/** Hidden posts by id, for the thread ('thread' key) and its replies. */
export type Hidden = { thread?: ModerationNotice; replies: Map<number, ModerationNotice> };

const flagReasons = ['personal-attack', 'threat', 'spam', 'illegal', 'off-topic'] as const;

/** What stands in place of a hidden post: "hidden by moderation — reason — date — role". */
function Tombstone(props: { i18n: I18n; notice: ModerationNotice }) {
  const text = props.i18n.locale === 'en' ? props.notice.tombstone.en : props.notice.tombstone.zh;
  return <p class="notice warn tombstone">{text}</p>;
}

/** A flag button for one post; the bundle spends a token to send it. `type` is the moderation item type. */
function FlagForm(props: { i18n: I18n; type: string; id: number }) {
  const t = props.i18n.t;
  const fieldId = `flag-${props.type}-${props.id}`;
  return (
    <form class="flag-form" data-flag-type={props.type} data-flag-id={String(props.id)} hidden>
      <label for={fieldId}>{t('forum.flagReason')}</label>
      <select id={fieldId} name="reason">
        {flagReasons.map((r) => (
          <option value={r}>{t(`flag.${r}` as MessageKey)}</option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {t('forum.flag')}
      </button>
    </form>
  );
}

/** The thread list with search, and the form to start a thread (shown by the bundle). */
export function ForumListView(props: {
  i18n: I18n;
  boards: Board[];
  boardId?: number;
  q?: string;
  threads: ThreadSummary[];
  nextCursor: string | null;
}) {
  const { i18n, threads } = props;
  const t = i18n.t;
  return (
    <section class="narrow" id="forum" data-forum="list">
      <h1>{t('forum.heading')}</h1>
      <p class="help">{t('forum.intro')}</p>
      <form method="get" action="/forum">
        <label for="forum-q">{t('forum.search')}</label>
        <input id="forum-q" name="q" type="search" value={props.q ?? ''} maxlength={200} />
        {i18n.langQuery && <input type="hidden" name="lang" value={i18n.locale === 'en' ? 'en' : 'zh'} />}
        <button type="submit">{t('forum.searchButton')}</button>
      </form>
      {props.boards.length > 0 && (
        <nav aria-label={t('forum.boards')}>
          <ul class="nav-pills">
            <li>
              <a href={i18n.href('/forum')} aria-current={props.boardId ? undefined : 'page'}>
                {t('forum.allBoards')}
              </a>
            </li>
            {props.boards.map((b) => (
              <li>
                <a
                  href={i18n.href('/forum', { boardId: b.id })}
                  aria-current={props.boardId === b.id ? 'page' : undefined}
                >
                  {nameOf(i18n, b)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {threads.length === 0 && <p>{t('forum.empty')}</p>}
      <ol class="cards">
        {threads.map((th) => (
          <li class="card">
            <h2>
              <a href={i18n.href(`/forum/threads/${th.id}`)}>
                <bdi>{th.title}</bdi>
              </a>
            </h2>
            <p class="meta">
              <bdi>{th.pseudonym}</bdi> · <time datetime={th.createdAt}>{i18n.dateTime(th.createdAt)}</time> ·{' '}
              {t('forum.replies', { n: th.replyCount })}
              <AgreeCount i18n={i18n} count={th.agreeCount ?? 0} />
            </p>
          </li>
        ))}
      </ol>
      {props.nextCursor && (
        <p>
          <a
            rel="next"
            href={i18n.href('/forum', { q: props.q, boardId: props.boardId, cursor: props.nextCursor })}
          >
            {t('forum.more')}
          </a>
        </p>
      )}
      <section aria-labelledby="new-thread-h">
        <h2 id="new-thread-h">{t('forum.newThread')}</h2>
        <noscript>
          <p class="notice warn">{t('forum.noscript')}</p>
        </noscript>
        <ScriptMessages prefix="forum" />
        <form id="thread-form" hidden>
          {props.boards.length > 0 && (
            <>
              <label for="thread-board">{t('forum.board')}</label>
              <select id="thread-board" name="boardId">
                {props.boards.map((b) => (
                  <option value={String(b.id)} selected={b.id === props.boardId}>
                    {nameOf(i18n, b)}
                  </option>
                ))}
              </select>
            </>
          )}
          <label for="thread-title">{t('forum.titleLabel')}</label>
          <input id="thread-title" name="title" maxlength={120} required autocomplete="off" />
          <TextField id="thread-body" name="body" label={t('forum.bodyLabel')} max={5000} required rows={6} />
          <p class="actions">
            <button type="submit">{t('forum.send')}</button>
          </p>
        </form>
      </section>
    </section>
  );
}

function ReplyItem(props: { i18n: I18n; reply: ReplyView; hidden: Hidden['replies']; flaggable: boolean }) {
  const { i18n, reply: r } = props;
  const hidden = props.hidden.get(r.id);
  const quoteHidden = r.quote ? props.hidden.get(r.quote.id) : undefined;
  const t = i18n.t;
  return (
    <li class="card" id={`reply-${r.id}`}>
      <p class="meta">
        <span class="floor">{t('forum.floor', { n: r.id })}</span>{' '}
        {r.department ? (
          <strong>{t('forum.staffFor', { department: nameOf(i18n, r.department) })}</strong>
        ) : (
          <bdi>{r.pseudonym}</bdi>
        )}
        {r.byStarter && <span class="badge"> {t('forum.starter')}</span>} ·{' '}
        <time datetime={r.createdAt}>{i18n.dateTime(r.createdAt)}</time>
      </p>
      {hidden ? (
        <Tombstone i18n={i18n} notice={hidden} />
      ) : (
        <>
          {r.quote && (
            <blockquote cite={`#reply-${r.quote.id}`}>
              <p class="meta">{t('forum.quoted', { name: r.quote.pseudonym })}</p>
              {quoteHidden ? (
                <Tombstone i18n={i18n} notice={quoteHidden} />
              ) : (
                <UserText as="p" text={r.quote.body} />
              )}
            </blockquote>
          )}
          <UserText text={r.body} />
          <AgreeForm i18n={i18n} path={`/api/v1/forum/replies/${r.id}/agree`} count={r.agreeCount ?? 0} />
          {props.flaggable && <FlagForm i18n={i18n} type="forum_reply" id={r.id} />}
        </>
      )}
    </li>
  );
}

/** One thread: the opening post, replies in order (hidden ones as tombstones) and the reply form. */
export function ThreadView(props: {
  i18n: I18n;
  thread: ThreadSummary;
  replies: ReplyView[];
  nextCursor: string | null;
  hidden: Hidden;
  flaggable: { thread: boolean; reply: boolean };
}) {
  const { i18n, thread: th, hidden } = props;
  const t = i18n.t;
  return (
    <article class="narrow" id="forum" data-forum="thread" data-thread-id={String(th.id)}>
      <p>
        <a href={i18n.href('/forum')}>← {t('forum.back')}</a>
      </p>
      <h1>
        <bdi>{hidden.thread ? t('forum.title') : th.title}</bdi>
      </h1>
      <p class="meta">
        <bdi>{th.pseudonym}</bdi> <span class="badge">{t('forum.starter')}</span> ·{' '}
        <time datetime={th.createdAt}>{i18n.dateTime(th.createdAt)}</time>
      </p>
      {hidden.thread ? (
        <Tombstone i18n={i18n} notice={hidden.thread} />
      ) : (
        <>
          <UserText text={th.body} />
          <AgreeForm i18n={i18n} path={`/api/v1/forum/threads/${th.id}/agree`} count={th.agreeCount ?? 0} />
          {props.flaggable.thread && <FlagForm i18n={i18n} type="forum_thread" id={th.id} />}
        </>
      )}
      <section aria-labelledby="replies-h">
        <h2 id="replies-h">{t('forum.replies', { n: th.replyCount })}</h2>
        {props.replies.length === 0 && <p>{t('forum.noReplies')}</p>}
        <ol class="cards replies">
          {props.replies.map((r) => (
            <ReplyItem i18n={i18n} reply={r} hidden={hidden.replies} flaggable={props.flaggable.reply} />
          ))}
        </ol>
        {props.nextCursor && (
          <p>
            <a rel="next" href={i18n.href(`/forum/threads/${th.id}`, { cursor: props.nextCursor })}>
              {t('forum.more')}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="reply-h">
        <h2 id="reply-h">{t('forum.reply')}</h2>
        <noscript>
          <p class="notice warn">{t('forum.noscript')}</p>
        </noscript>
        <ScriptMessages prefix="forum" />
        <form id="reply-form" hidden>
          <TextField id="reply-body" name="body" label={t('forum.replyLabel')} max={5000} required rows={5} />
          <label for="reply-quote">{t('forum.quoteLabel')}</label>
          <input
            id="reply-quote"
            name="quoteReplyId"
            inputmode="numeric"
            pattern="[0-9]*"
            autocomplete="off"
          />
          <p class="actions">
            <button type="submit">{t('forum.send')}</button>
          </p>
        </form>
      </section>
    </article>
  );
}
