import type { Child } from 'hono/jsx';
import type { I18n } from './i18n/locale.js';

export interface PageAssets {
  css: string;
  icon: string;
  manifest: string;
}

export interface NavLink {
  id: string;
  href: string;
  label: string;
}

export interface LayoutProps {
  i18n: I18n;
  title: string;
  /** Which page this is: marks the current nav link and tells the browser bundle what to run. */
  page: string;
  /** The bundle's code to run when it differs from `page` (the nav id). */
  app?: string;
  /** A navigation that replaces the public one (the staff console's), labels already translated. */
  nav?: readonly NavLink[];
  assets: PageAssets;
  /** The current path and query, for the language switch. */
  url: URL;
  /** The browser bundle, only on pages that need the wallet. */
  script?: string;
  children?: Child;
}

const nav = [
  ['home', '/', 'nav.home'],
  ['appeals', '/appeals', 'nav.appeals'],
  ['post', '/post', 'nav.post'],
  ['explainers', '/explainers', 'nav.explainers'],
  ['surveys', '/surveys', 'nav.surveys'],
  ['notices', '/notices', 'nav.notices'],
  ['ratings', '/ratings', 'nav.ratings'],
  ['forum', '/forum', 'nav.forum'],
  ['stats', '/stats', 'nav.stats'],
  ['log', '/log', 'nav.log'],
  ['wallet', '/wallet', 'nav.wallet'],
] as const;

/** The same page in the other language: `?lang=` set, every other parameter kept. */
function otherLanguage(url: URL, i18n: I18n): string {
  const qs = new URLSearchParams(url.search);
  qs.set('lang', i18n.locale === 'en' ? 'zh' : 'en');
  return `${url.pathname}?${qs}`;
}

/**
 * The frame of every public page: one column on a phone, wider on a desk; no inline script or style (CSP).
 * @example <Layout i18n={i18n} title={i18n.t('list.title')} page="appeals" assets={assets} url={url}>…</Layout>
 */
export function Layout(props: LayoutProps) {
  const { i18n, assets } = props;
  const t = i18n.t;
  return (
    <html lang={i18n.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('site.name')}`}</title>
        <meta name="description" content={t('site.tagline')} />
        <meta name="theme-color" content="#9f1d20" />
        <link rel="stylesheet" href={assets.css} />
        <link rel="icon" href={assets.icon} type="image/svg+xml" />
        <link rel="manifest" href={assets.manifest} />
        {props.script && <script type="module" src={props.script} />}
      </head>
      <body data-page={props.page} data-app={props.app} data-lang-query={i18n.langQuery ?? ''}>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={i18n.href('/')}>
              <img src={assets.icon} alt="" width="28" height="28" />
              <span>{t('site.name')}</span>
            </a>
            <a
              class="lang-switch"
              href={otherLanguage(props.url, i18n)}
              lang={t('lang.otherTag')}
              hreflang={t('lang.otherTag')}
            >
              {t('lang.other')}
            </a>
          </div>
          <nav class="wrap" aria-label={t('nav.label')}>
            <ul class="nav">
              {(
                props.nav ?? nav.map(([id, path, key]) => ({ id, href: i18n.href(path), label: t(key) }))
              ).map((link) => (
                <li>
                  <a href={link.href} aria-current={link.id === props.page ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('footer.noCookies')}</p>
            <p>
              <a href={i18n.href('/privacy')}>{t('footer.privacy')}</a>
              {' · '}
              <a href="/api/v1/openapi.json">{t('footer.api')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
