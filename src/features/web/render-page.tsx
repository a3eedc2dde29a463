import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../platform/http/env.js';
import type { I18n } from '../../platform/views/i18n/locale.js';
import { Layout, type NavLink } from '../../platform/views/layout.js';
import { pageAssets } from './static-assets.js';

export interface PageMeta {
  title: string;
  /** nav id and `data-page` for the bundle */
  page: string;
  /** loads the wallet bundle and its messages */
  wallet?: boolean;
  /** loads the bundle and runs this page's code in it (`data-app`), when it is not the nav id */
  app?: string;
  /** replaces the public navigation (the staff console) */
  nav?: readonly NavLink[];
}

/**
 * A full HTML page. No cookie is set and the page is not stored in shared caches (the security
 * middleware's no-store stays); the language comes from the request, so caches must vary on it.
 */
export async function renderPage(
  c: Context<AppEnv>,
  i18n: I18n,
  meta: PageMeta,
  body: Child,
  status: ContentfulStatusCode = 200,
) {
  const script = meta.wallet || meta.app ? c.var.clientBundle?.()?.script : undefined;
  const page = (
    <Layout
      i18n={i18n}
      title={meta.title}
      page={meta.page}
      app={meta.app}
      nav={meta.nav}
      assets={pageAssets(i18n)}
      url={new URL(c.req.url)}
      script={script}
    >
      {body}
      {script && <div hidden id="zt-messages" data-json={JSON.stringify(i18n.clientMessages())} />}
    </Layout>
  );
  c.header('Vary', 'Accept-Language');
  c.header('Content-Language', i18n.locale);
  return c.html(`<!doctype html>${await page}`, status);
}
