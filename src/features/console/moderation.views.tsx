import { flagReasons } from '../../../db/schema/index.js';
import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import type { moderationQueue } from '../moderation/queue.service.js';
import { UserText } from '../web/components.js';
import { Field, type FieldErrors, type FormValues } from './console-form.js';

export type QueueItem = Awaited<ReturnType<typeof moderationQueue>>[number];

/** The decision a form failed on, to re-render that item's forms with the errors. */
export interface DecisionState {
  key: string;
  decision: string;
  values: FormValues;
  errors: FieldErrors;
}

const fieldLabel: Record<string, MessageKey> = {
  title: 'console.mod.field.title',
  body: 'console.mod.field.body',
};
const label = (key: string) => `console.mod.${key}` as MessageKey;

/** The decisions an item in this state allows (the service checks them again). */
function decisionsFor(item: QueueItem): ('keep' | 'hide' | 'restore' | 'uphold')[] {
  if (item.state === 'visible') return ['keep', 'hide'];
  return item.contest ? ['restore', 'uphold'] : ['restore'];
}

function DecisionForm(props: { i18n: I18n; item: QueueItem; decision: string; state?: DecisionState }) {
  const { i18n, item, decision } = props;
  const t = i18n.t;
  const id = `${item.itemType}-${item.itemId}-${decision}`;
  const mine = props.state?.decision === decision ? props.state : undefined;
  return (
    <form
      method="post"
      action={i18n.href(`/staff/moderation/${item.itemType}/${item.itemId}/${decision}`)}
      class="decision"
    >
      <fieldset>
        <legend>{t(label(decision))}</legend>
        {decision === 'hide' && (
          <Field i18n={i18n} id={`${id}-reason`} label={t('console.mod.reason')} error={mine?.errors.reason}>
            {(a) => (
              <select {...a} name="reason" required>
                <option value="" />
                {flagReasons.map((r) => (
                  <option value={r} selected={mine?.values.reason === r}>
                    {t(`flag.${r}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field i18n={i18n} id={`${id}-note`} label={t('console.mod.note')} error={mine?.errors.note}>
          {(a) => <input {...a} name="note" value={mine?.values.note ?? ''} maxlength={500} required />}
        </Field>
        <button type="submit" class={decision === 'hide' ? undefined : 'secondary'}>
          {t(label(decision))}
        </button>
      </fieldset>
    </form>
  );
}

/**
 * One flagged item. Its text is worker-written and may be hostile: JSX escapes it, `dir=auto` with
 * `unicode-bidi` isolation keeps bidi controls from reordering the page, and no text becomes a link.
 */
function ItemCard(props: { i18n: I18n; item: QueueItem; state?: DecisionState }) {
  const { i18n, item } = props;
  const t = i18n.t;
  const key = `${item.itemType}/${item.itemId}`;
  return (
    <li class="card" id={`item-${item.itemType}-${item.itemId}`}>
      <p class="meta">
        {item.itemType} #{item.itemId} · {t('console.mod.weight', { n: item.weight })} ·{' '}
        {t('console.mod.flags', { n: item.openFlags })}
        {item.flaggedSince && (
          <>
            {' · '}
            {t('console.mod.since')}{' '}
            <time datetime={item.flaggedSince}>{i18n.dateTime(item.flaggedSince)}</time>
          </>
        )}
        {item.hidden && (
          <>
            {' '}
            <span class="badge warn">{t('console.mod.hidden')}</span>
          </>
        )}
      </p>
      <dl class="facts">
        {Object.entries(item.text).map(([field, text]) => (
          <>
            <dt>{fieldLabel[field] ? t(fieldLabel[field]) : field}</dt>
            <dd>
              <UserText text={text} />
            </dd>
          </>
        ))}
        {Object.keys(item.reasons).length > 0 && (
          <>
            <dt>{t('console.mod.reasons')}</dt>
            <dd>
              {Object.entries(item.reasons)
                .map(([r, n]) => `${t(`flag.${r}` as MessageKey)} × ${i18n.number(n)}`)
                .join('；')}
            </dd>
          </>
        )}
        {item.contest && (
          <>
            <dt>{t('console.mod.contest')}</dt>
            <dd>
              {item.contest.statement ? (
                <UserText text={item.contest.statement} />
              ) : (
                t('console.mod.contestNone')
              )}
            </dd>
          </>
        )}
      </dl>
      <div class="columns">
        {decisionsFor(item).map((d) => (
          <DecisionForm
            i18n={i18n}
            item={item}
            decision={d}
            state={props.state?.key === key ? props.state : undefined}
          />
        ))}
      </div>
    </li>
  );
}

export function ModerationQueueView(props: {
  i18n: I18n;
  items: QueueItem[];
  done?: boolean;
  state?: DecisionState;
}) {
  const t = props.i18n.t;
  return (
    <>
      <h1>{t('console.mod.title')}</h1>
      {props.done && (
        <p class="notice info" role="status">
          {t('console.mod.decided')}
        </p>
      )}
      <p class="help">{t('console.mod.intro')}</p>
      {props.items.length === 0 ? (
        <p>{t('console.mod.empty')}</p>
      ) : (
        <ol class="cards">
          {props.items.map((item) => (
            <ItemCard i18n={props.i18n} item={item} state={props.state} />
          ))}
        </ol>
      )}
    </>
  );
}
