import { type AppealStatus, appealStatuses } from '../../../db/schema/index.js';
import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import { listSorts } from '../appeals/list.service.js';
import { AppealCards, type AppealSummary } from './components.js';
import type { OrganisationNames } from './organisation-names.js';

/** The list's query as typed (strings), to fill the form back in. */
export type ListForm = Partial<
  Record<'q' | 'status' | 'categoryId' | 'departmentId' | 'overdue' | 'sort' | 'cursor', string>
>;

export interface FieldError {
  path: string;
  message: string;
}

const publicStatuses = appealStatuses.filter(
  (s): s is Exclude<AppealStatus, 'submitted'> => s !== 'submitted',
);

const fieldLabels: Record<string, MessageKey> = {
  status: 'list.status',
  categoryId: 'list.category',
  departmentId: 'list.department',
  overdue: 'list.overdueOnly',
  sort: 'list.sort',
  cursor: 'list.next',
};

function errorText(i18n: I18n, e: FieldError): string {
  if (e.path === 'q' || e.path === 'from' || e.path === 'to') return i18n.t(`field.${e.path}`);
  const label = fieldLabels[e.path];
  return i18n.t('field.invalid', { field: label ? i18n.t(label) : e.path });
}

function Select(props: {
  id: string;
  label: string;
  value?: string;
  options: [string, string][];
  i18n: I18n;
  any?: boolean;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        {props.any !== false && <option value="">{props.i18n.t('list.any')}</option>}
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === props.value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: { i18n: I18n; names: OrganisationNames; form: ListForm; errors: FieldError[] }) {
  const { i18n, names, form } = props;
  const t = i18n.t;
  const qError = props.errors.some((e) => e.path === 'q');
  return (
    <form class="filters" method="get" action="/appeals" aria-labelledby="filters-h">
      <h2 id="filters-h">{t('list.filters')}</h2>
      {i18n.langQuery && <input type="hidden" name="lang" value={i18n.langQuery.slice(5)} />}
      <div>
        <label for="q">{t('list.search')}</label>
        <input
          id="q"
          name="q"
          type="search"
          value={form.q ?? ''}
          minlength={2}
          maxlength={100}
          aria-describedby="q-help"
          aria-invalid={qError ? 'true' : undefined}
        />
        <p id="q-help" class="help">
          {t('list.searchHelp')}
        </p>
      </div>
      <Select
        i18n={i18n}
        id="status"
        label={t('list.status')}
        value={form.status}
        options={publicStatuses.map((s) => [s, t(`status.${s}` as MessageKey)])}
      />
      <Select
        i18n={i18n}
        id="categoryId"
        label={t('list.category')}
        value={form.categoryId}
        options={names.categories.map((c) => [String(c.id), c.name])}
      />
      <Select
        i18n={i18n}
        id="departmentId"
        label={t('list.department')}
        value={form.departmentId}
        options={names.departments.map((d) => [String(d.id), d.name])}
      />
      <div class="check">
        <input type="checkbox" id="overdue" name="overdue" value="true" checked={form.overdue === 'true'} />
        <label for="overdue">{t('list.overdueOnly')}</label>
      </div>
      <Select
        i18n={i18n}
        any={false}
        id="sort"
        label={t('list.sort')}
        value={form.sort}
        options={listSorts.map((s) => [s, t(`list.sort.${s}` as MessageKey)])}
      />
      <p class="actions">
        <button type="submit">{t('list.apply')}</button>
        <a class="button secondary" href={i18n.href('/appeals')}>
          {t('list.reset')}
        </a>
      </p>
    </form>
  );
}

/** Filters (a GET form: works without JavaScript), one page of results and the cursor links. */
export function AppealListView(props: {
  i18n: I18n;
  names: OrganisationNames;
  form: ListForm;
  errors: FieldError[];
  page?: { items: AppealSummary[]; nextCursor: string | null };
}) {
  const { i18n, form, page } = props;
  const t = i18n.t;
  const { cursor: _cursor, ...withoutCursor } = form;
  return (
    <>
      <h1>{t('list.heading')}</h1>
      <div class="list-layout">
        <Filters i18n={i18n} names={props.names} form={form} errors={props.errors} />
        <section aria-labelledby="results-h">
          <h2 id="results-h">{t('list.results')}</h2>
          {props.errors.length > 0 && (
            <div class="notice warn" role="alert">
              <p>{t('list.invalid')}</p>
              <ul class="error-list">
                {props.errors.map((e) => (
                  <li>{errorText(i18n, e)}</li>
                ))}
              </ul>
            </div>
          )}
          {page &&
            (page.items.length ? (
              <AppealCards i18n={i18n} names={props.names} appeals={page.items} />
            ) : (
              <p>{t('list.empty')}</p>
            ))}
          <nav class="pager" aria-label={t('list.results')}>
            {form.cursor && <a href={i18n.href('/appeals', withoutCursor)}>{t('list.first')}</a>}
            {page?.nextCursor && (
              <a rel="next" href={i18n.href('/appeals', { ...withoutCursor, cursor: page.nextCursor })}>
                {t('list.next')} →
              </a>
            )}
          </nav>
        </section>
      </div>
    </>
  );
}
