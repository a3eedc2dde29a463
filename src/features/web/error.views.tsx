import type { I18n } from '../../platform/views/i18n/locale.js';

export function ErrorView(props: { i18n: I18n; message: string }) {
  const t = props.i18n.t;
  return (
    <div class="narrow">
      <h1>{t('error.heading')}</h1>
      <p class="notice warn">{props.message}</p>
      <p>
        <a href={props.i18n.href('/')}>{t('error.home')}</a>
      </p>
    </div>
  );
}

/** What the service worker shows when a page cannot be loaded. */
export function OfflineView(props: { i18n: I18n }) {
  const t = props.i18n.t;
  return (
    <div class="narrow">
      <h1>{t('offline.title')}</h1>
      <p>{t('offline.body')}</p>
      <p>
        <a class="button" href="/">
          {t('offline.retry')}
        </a>
      </p>
    </div>
  );
}
