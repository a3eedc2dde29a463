import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { StaffRole } from '../../../db/schema/index.js';
import type { AppEnv } from '../../platform/http/env.js';
import { type I18n, i18nOf, type MessageKey } from '../../platform/views/i18n/locale.js';
import type { NavLink } from '../../platform/views/layout.js';
import { renderPage } from '../web/render-page.js';

// which console sections each role's navigation offers; the routes enforce the same roles
const sections: [id: string, path: string, roles: readonly StaffRole[]][] = [
  ['queue', '/staff/queue', ['responder', 'dispatcher', 'admin']],
  ['routing', '/staff/routing', ['dispatcher', 'admin']],
  ['moderation', '/staff/moderation', ['moderator', 'admin']],
  ['alerts', '/staff/alerts', ['analyst', 'admin']],
  ['admin', '/staff/admin', ['admin']],
  ['log', '/staff/log', ['admin', 'moderator', 'dispatcher', 'responder', 'analyst']],
];

/** The first section of a role: where /staff and a fresh sign-in lead. */
export function homeOf(role: StaffRole): string {
  return sections.find(([, , roles]) => roles.includes(role))?.[1] ?? '/staff/log';
}

function staffNav(i18n: I18n, role: StaffRole | undefined): NavLink[] {
  if (!role) return [];
  return sections
    .filter(([, , roles]) => roles.includes(role))
    .map(([id, path]) => ({ id, href: i18n.href(path), label: i18n.t(`console.nav.${id}` as MessageKey) }));
}

/** The signed-in line and the sign-out button (a same-origin form POST). */
function StaffBar(props: { i18n: I18n; name: string; role: StaffRole }) {
  const t = props.i18n.t;
  return (
    <form class="staff-bar meta" method="post" action={props.i18n.href('/staff/sign-out')}>
      {t('console.signedInAs', { name: props.name, role: t(`role.${props.role}` as MessageKey) })}{' '}
      <a href={props.i18n.href('/staff/password')}>{t('console.nav.password')}</a>{' '}
      <button type="submit" class="link-button">
        {t('console.signOut')}
      </button>
    </form>
  );
}

/**
 * A console page: the site layout with the staff navigation of the signed-in role instead of the public
 * one. Staff pages are never cached (the security middleware's no-store stays).
 */
export function renderConsole(
  c: Context<AppEnv>,
  meta: { title: string; page: string },
  body: Child,
  status: ContentfulStatusCode = 200,
) {
  const i18n = i18nOf(c);
  const actor = c.get('staff');
  return renderPage(
    c,
    i18n,
    { ...meta, nav: staffNav(i18n, actor?.role) },
    <>
      {actor && <StaffBar i18n={i18n} name={actor.displayName} role={actor.role} />}
      {body}
    </>,
    status,
  );
}

/** A short confirmation after a redirect (`?done=…`), from a fixed list so no text is echoed. */
export function Done(props: { i18n: I18n; done: string | undefined; keys: Record<string, MessageKey> }) {
  const key = props.done ? props.keys[props.done] : undefined;
  return key ? (
    <p class="notice info" role="status">
      {props.i18n.t(key)}
    </p>
  ) : null;
}
