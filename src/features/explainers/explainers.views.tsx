import { raw } from 'hono/html';
import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import { ScriptMessages, TextField } from '../web/appeal-follow-up.views.js';
import { UserText } from '../web/components.js';
import { ReceiptSection } from '../web/receipt.views.js';
import type { ExplainerSummaryView, ExplainerView, getVersion } from './explainers-read.service.js';

type VersionView = Awaited<ReturnType<typeof getVersion>>;

function roleName(i18n: I18n, role: string) {
  const key = `role.${role}` as MessageKey;
  const text = i18n.t(key);
  return text === key ? role : text;
}

/** The list (政策解读), latest first, with a search box that works without JavaScript. */
export function ExplainerListView(props: {
  i18n: I18n;
  q: string;
  items: ExplainerSummaryView[];
  nextCursor: string | null;
}) {
  const { i18n, q, items, nextCursor } = props;
  const t = i18n.t;
  return (
    <section>
      <h1>{t('explainers.title')}</h1>
      <p>{t('explainers.intro')}</p>
      <form class="filters" method="get" action="/explainers">
        {i18n.langQuery && <input type="hidden" name="lang" value={i18n.langQuery.slice(5)} />}
        <label for="q">{t('explainers.search')}</label>
        <input id="q" name="q" type="search" value={q} maxlength={100} />
        <button type="submit">{t('explainers.searchButton')}</button>
      </form>
      {items.length === 0 ? <p>{t('explainers.empty')}</p> : null}
      <ul class="cards">
        {items.map((e) => (
          <li class="card">
            <h2>
              <a href={i18n.href(`/explainers/${e.id}`)}>{e.title}</a>
            </h2>
            <p>{e.summary}</p>
            <p class="meta">
              {e.departmentName} · {t('explainers.effective', { date: i18n.date(e.effectiveOn) })} ·{' '}
              {t('explainers.version', { n: e.version })}
            </p>
          </li>
        ))}
      </ul>
      {nextCursor ? (
        <p>
          <a rel="next" href={i18n.href('/explainers', { cursor: nextCursor, ...(q ? { q } : {}) })}>
            {t('explainers.more')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function AppealLinks(props: {
  i18n: I18n;
  heading: string;
  items: ExplainerView['answers'];
  empty?: string;
}) {
  const { i18n, heading, items } = props;
  if (items.length === 0 && !props.empty) return null;
  return (
    <section>
      <h2>{heading}</h2>
      {items.length === 0 ? <p>{props.empty}</p> : null}
      <ul>
        {items.map((a) => (
          <li>
            <a href={i18n.href(`/appeals/${a.id}`)}>
              #{a.id} <bdi>{a.title}</bdi>
            </a>{' '}
            <span class="badge">{i18n.t(`status.${a.status}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Asking under the explainer: the bundle spends one token from the wallet and shows the receipt (the
 * form stays hidden without JS, where the notice says why).
 */
function AskSection(props: { i18n: I18n; explainer: ExplainerView; hasBundle: boolean }) {
  const { i18n, explainer: e } = props;
  const t = i18n.t;
  return (
    <section aria-labelledby="ask-h">
      <h2 id="ask-h">{t('explainers.ask')}</h2>
      <p id="question-intro">{t('explainers.askHelp', { department: e.departmentName })}</p>
      <noscript>
        <p class="notice warn">{t('explainers.noscript')}</p>
      </noscript>
      {!props.hasBundle && <p class="notice warn">{t('post.unavailable')}</p>}
      <ScriptMessages prefix="question" />
      <form id="question-form" class="stack" data-explainer-id={String(e.id)} hidden>
        <label for="question-title">{t('explainers.questionTitle')}</label>
        <input id="question-title" name="title" maxlength={120} required autocomplete="off" />
        <TextField id="question-body" name="body" label={t('explainers.questionBody')} max={5000} required />
        <p class="help">{t('explainers.askCost')}</p>
        <p class="actions">
          <button type="submit">{t('explainers.askSend')}</button>
        </p>
      </form>
      <ReceiptSection i18n={i18n} />
    </section>
  );
}

/**
 * One explainer: the current version (or an older one chosen from the history), its questions, the
 * appeals it answers and every version. The body is Markdown rendered by `renderMarkdown` (HTML escaped,
 * links limited), so it is inserted as HTML.
 */
export function ExplainerDetailView(props: {
  i18n: I18n;
  explainer: ExplainerView;
  shown?: VersionView;
  hasBundle: boolean;
}) {
  const { i18n, explainer: e, shown } = props;
  const t = i18n.t;
  const title = shown?.title ?? e.title;
  return (
    <article>
      <p>
        <a href={i18n.href('/explainers')}>{t('explainers.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="meta">
        {e.departmentName} ·{' '}
        {t('explainers.effective', { date: i18n.date(shown?.effectiveOn ?? e.effectiveOn) })} ·{' '}
        {t('explainers.version', { n: shown?.version ?? e.version })}
      </p>
      {shown ? (
        <p class="notice info">
          <a href={i18n.href(`/explainers/${e.id}`)}>{t('explainers.version', { n: e.version })}</a>
        </p>
      ) : null}
      <p class="lead">{shown?.summary ?? e.summary}</p>
      <div class="markdown">{raw(shown?.bodyHtml ?? e.bodyHtml)}</div>
      <AppealLinks i18n={i18n} heading={t('explainers.answers')} items={e.answers} />
      <AppealLinks
        i18n={i18n}
        heading={t('explainers.questions')}
        items={e.questions}
        empty={t('explainers.noQuestions')}
      />
      <AskSection i18n={i18n} explainer={e} hasBundle={props.hasBundle} />
      <section>
        <h2>{t('explainers.versions')}</h2>
        <ol reversed>
          {e.versions.map((v) => (
            <li>
              <a href={i18n.href(`/explainers/${e.id}`, { version: String(v.version) })}>
                {t('explainers.version', { n: v.version })}
              </a>{' '}
              · <time datetime={v.createdAt}>{i18n.dateTime(v.createdAt)}</time> ·{' '}
              {t('explainers.editedBy', {
                name: v.editedBy.displayName,
                role: roleName(i18n, v.editedBy.role),
              })}
              {v.version === 1 ? ` · ${t('explainers.firstVersion')}` : null}
              {v.note ? <UserText as="p" text={v.note} /> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** On an appeal's page: the explainers that answer it (现实热点面对面) or under which it was asked. */
export function ExplainerLinks(props: {
  i18n: I18n;
  links: { answeredBy: { id: number; title: string }[]; askedUnder: { id: number; title: string }[] };
}) {
  const { i18n, links } = props;
  const all = [
    ...links.answeredBy,
    ...links.askedUnder.filter((q) => !links.answeredBy.some((a) => a.id === q.id)),
  ];
  if (all.length === 0) return null;
  return (
    <section class="explainers">
      <h2>{i18n.t('explainers.onAppeal')}</h2>
      <ul>
        {all.map((e) => (
          <li>
            <a href={i18n.href(`/explainers/${e.id}`)}>{e.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
