import type { AppealStatus } from '../../../db/schema/index.js';
import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import type { OrganisationNames } from './organisation-names.js';

/** An appeal as the public list service returns it. */
export interface AppealSummary {
  id: number;
  title: string;
  excerpt: string;
  categoryId: number;
  departmentId: number | null;
  status: AppealStatus;
  pseudonym: string;
  createdAt: string;
  cosignCount: number;
  overdue: boolean;
}

const statusTone: Partial<Record<AppealStatus, string>> = { answered: 'ok', closed: 'ok' };

export function StatusBadge(props: { i18n: I18n; status: AppealStatus }) {
  return (
    <span class={`badge ${statusTone[props.status] ?? ''}`}>
      {props.i18n.t(`status.${props.status}` as MessageKey)}
    </span>
  );
}

/**
 * Worker-written text, exactly as written: escaped by JSX, its direction isolated (`dir=auto` and
 * `unicode-bidi: plaintext`) so that bidi control characters cannot reorder the page around it.
 */
export function UserText(props: { text: string; class?: string; as?: 'p' | 'div' }) {
  const Tag = props.as ?? 'div';
  return (
    <Tag class={`user-text ${props.class ?? ''}`} dir="auto">
      {props.text}
    </Tag>
  );
}

export function AppealCard(props: { i18n: I18n; names: OrganisationNames; appeal: AppealSummary }) {
  const { i18n, names, appeal: a } = props;
  return (
    <li class="card">
      <h3>
        <a href={i18n.href(`/appeals/${a.id}`)}>
          <bdi>{a.title}</bdi>
        </a>
      </h3>
      {a.excerpt !== a.title && <UserText as="p" class="excerpt" text={a.excerpt} />}
      <p class="meta">
        <StatusBadge i18n={i18n} status={a.status} />{' '}
        {a.overdue && <span class="badge warn">{i18n.t('appeal.overdue')}</span>} <bdi>{a.pseudonym}</bdi>
        {' · '}
        <time datetime={a.createdAt}>{i18n.date(a.createdAt)}</time>
        {' · '}
        {names.category(a.categoryId)}
        {a.cosignCount > 0 && ` · ${i18n.t('appeal.cosigns', { n: a.cosignCount })}`}
      </p>
    </li>
  );
}

export function AppealCards(props: { i18n: I18n; names: OrganisationNames; appeals: AppealSummary[] }) {
  return (
    <ol class="cards">
      {props.appeals.map((a) => (
        <AppealCard i18n={props.i18n} names={props.names} appeal={a} />
      ))}
    </ol>
  );
}

/** A table wider than the phone scrolls sideways; focusable and named, so a keyboard can scroll it too. */
export function ScrollBox(props: { label: string; children: unknown }) {
  return (
    <section class="table-scroll" tabindex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}
