import type { I18n } from '../../platform/views/i18n/locale.js';
import type { NoticeView } from '../notices/notices.service.js';
import { UserText } from './components.js';

/** The public notices (政务公开), newest first, with a link to the next page. */
export function NoticeListView(props: { i18n: I18n; items: NoticeView[]; nextCursor: string | null }) {
  const { i18n, items, nextCursor } = props;
  return (
    <section>
      <h1>{i18n.t('notices.title')}</h1>
      {items.length === 0 ? <p>{i18n.t('notices.empty')}</p> : null}
      <ul class="cards">
        {items.map((n) => (
          <li class="card">
            <h2>
              <a href={i18n.href(`/notices/${n.id}`)}>{n.title}</a>
            </h2>
            <p class="meta">
              {n.departmentName} · <time datetime={n.publishedAt}>{i18n.dateTime(n.publishedAt)}</time>
            </p>
          </li>
        ))}
      </ul>
      {nextCursor ? (
        <p>
          <a rel="next" href={i18n.href('/notices', { cursor: nextCursor })}>
            {i18n.t('notices.more')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** One notice: who published it, when, the text, and the appeals it answers. */
export function NoticeDetailView(props: { i18n: I18n; notice: NoticeView }) {
  const { i18n, notice: n } = props;
  return (
    <article>
      <h1>{n.title}</h1>
      <p class="meta">
        {n.departmentName} · {n.publishedBy.displayName} ·{' '}
        <time datetime={n.publishedAt}>{i18n.dateTime(n.publishedAt)}</time>
      </p>
      <UserText text={n.body} />
      {n.appealIds.length ? (
        <section>
          <h2>{i18n.t('notices.answers')}</h2>
          <ul>
            {n.appealIds.map((id) => (
              <li>
                <a href={i18n.href(`/appeals/${id}`)}>#{id}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
