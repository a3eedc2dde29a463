import type { I18n } from '../../platform/views/i18n/locale.js';

interface Checkpoint {
  size: number;
  head: string;
  at: number;
}

interface Entry {
  seq: number;
  kind: string;
  item: { type: string; id: number } | null;
  actor: { role: string; username: string } | null;
  at: string;
}

/** The public log: the latest signed checkpoint, the newest entries, and how to check it independently. */
export function LogView(props: {
  i18n: I18n;
  checkpoint: Checkpoint | null;
  entries: Entry[];
  origin: string;
}) {
  const { i18n, checkpoint: cp } = props;
  const t = i18n.t;
  return (
    <article class="narrow">
      <h1>{t('log.heading')}</h1>
      <p>{t('log.intro')}</p>
      <section aria-labelledby="checkpoint-h">
        <h2 id="checkpoint-h">{t('log.checkpoint')}</h2>
        {cp ? (
          <dl class="facts">
            <dt>{t('log.size')}</dt>
            <dd>{i18n.number(cp.size)}</dd>
            <dt>{t('log.root')}</dt>
            <dd>
              <code class="hash">{cp.head}</code>
            </dd>
            <dt>{t('log.signedAt')}</dt>
            <dd>
              <time datetime={new Date(cp.at).toISOString()}>{i18n.dateTime(cp.at)}</time>
            </dd>
          </dl>
        ) : (
          <p>{t('log.empty')}</p>
        )}
        <p>
          <a href="/api/v1/log/checkpoint">{t('log.checkpoint')} (JSON)</a> ·{' '}
          <a href="/api/v1/log/checkpoints">{t('log.all')}</a> ·{' '}
          <a href="/api/v1/log/keys">{t('log.keys')}</a>
        </p>
      </section>
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{t('log.recent')}</h2>
        {props.entries.length === 0 && <p>{t('log.empty')}</p>}
        <ol class="timeline" reversed>
          {props.entries.map((e) => (
            <li>
              <time datetime={e.at}>{i18n.dateTime(e.at)}</time> {t('log.entry', { n: e.seq })}{' '}
              <code>{e.kind}</code>
              {e.item && ` · ${e.item.type} ${e.item.id}`}
              {e.actor && (
                <span class="meta">
                  {' '}
                  — <bdi>{e.actor.username}</bdi> ({e.actor.role})
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="verify-h">
        <h2 id="verify-h">{t('log.verify')}</h2>
        <p>{t('log.verifyHelp')}</p>
        <pre>
          <code>{`npm run cli -- verify-log --url ${props.origin} --state verifier-state.json`}</code>
        </pre>
      </section>
    </article>
  );
}
