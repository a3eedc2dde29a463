import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import type { getAppeal } from '../appeals/detail.service.js';
import { ExplainerLinks } from '../explainers/explainers.views.js';
import { FollowUpSection } from './appeal-follow-up.views.js';
import { StatusBadge, UserText } from './components.js';
import type { OrganisationNames } from './organisation-names.js';

type AppealView = Awaited<ReturnType<typeof getAppeal>>;
type Answer = AppealView['answers'][number];
type Event = AppealView['timeline'][number];

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

/** Only https:// links and paths on this site; anything else (javascript:, data:) is shown as text. */
const safeHref = (v: string) => /^(https:\/\/|\/(?!\/))\S+$/.test(v);

function role(i18n: I18n, r: string | null) {
  if (!r) return undefined;
  const key = `role.${r}` as MessageKey;
  const text = i18n.t(key);
  return text === key ? r : text;
}

function Field(props: { label: string; children: unknown }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function AnswerBlock(props: { i18n: I18n; names: OrganisationNames; answer: Answer }) {
  const { i18n, names, answer: a } = props;
  const t = i18n.t;
  const content = a.content;
  const policy = str(content.policyUrl);
  return (
    <article class="answer" aria-labelledby={`answer-${a.id}`}>
      <h3 id={`answer-${a.id}`}>
        {t('answer.heading', { n: a.round, kind: t(`answer.kind.${a.kind}` as MessageKey) })}
      </h3>
      <p class="meta">
        {a.department ?? names.department(a.departmentId)} · {role(i18n, a.responderRole)} ·{' '}
        <time datetime={a.at}>{i18n.dateTime(a.at)}</time>
      </p>
      <dl class="facts">
        {str(content.measures) && (
          <Field label={t('answer.measures')}>
            <UserText text={str(content.measures)!} />
          </Field>
        )}
        {typeof content.ownerDepartmentId === 'number' && (
          <Field label={t('answer.owner')}>{names.department(content.ownerDepartmentId)}</Field>
        )}
        {str(content.dueDate) && (
          <Field label={t('answer.dueDate')}>{i18n.date(str(content.dueDate)!)}</Field>
        )}
        {str(content.reason) && (
          <Field label={t('answer.reason')}>
            <UserText text={str(content.reason)!} />
          </Field>
        )}
        {str(content.investigation) && (
          <Field label={t('answer.investigation')}>
            <UserText text={str(content.investigation)!} />
          </Field>
        )}
        {str(content.nextUpdate) && (
          <Field label={t('answer.nextUpdate')}>{i18n.date(str(content.nextUpdate)!)}</Field>
        )}
        {str(content.explanation) && (
          <Field label={t('answer.explanation')}>
            <UserText text={str(content.explanation)!} />
          </Field>
        )}
        {policy && (
          <Field label={t('answer.policy')}>
            {safeHref(policy) ? <a href={policy}>{policy}</a> : <bdi>{policy}</bdi>}
          </Field>
        )}
      </dl>
      {a.commitments.map((c) => (
        <p>
          {t(`commitment.${c.kind}` as MessageKey, { date: i18n.date(c.dueDate) })}{' '}
          {c.outcome ? (
            <span class="badge ok">{t(`commitment.${c.outcome}` as MessageKey)}</span>
          ) : c.overdue ? (
            <span class="badge warn">{t('commitment.overdue')}</span>
          ) : (
            <span class="badge">{t('commitment.pending')}</span>
          )}
          {c.outcomeText && <UserText as="p" text={c.outcomeText} />}
        </p>
      ))}
    </article>
  );
}

function TimelineItem(props: { i18n: I18n; names: OrganisationNames; event: Event; showText: boolean }) {
  const { i18n, names, event: e } = props;
  const d = e.data ?? {};
  const verdict = str(d.verdict);
  const text = props.showText ? (str(d.text) ?? str(d.reason)) : undefined;
  const who = [names.department(e.departmentId), role(i18n, e.actorRole)].filter(Boolean).join(' · ');
  return (
    <li>
      <time datetime={e.at}>{i18n.dateTime(e.at)}</time>
      {i18n.t(`event.${e.kind}` as MessageKey)}
      {who && <span class="meta"> — {who}</span>}
      {verdict && `：${i18n.t(`verdict.${verdict}` as MessageKey)}`}
      {text && <UserText as="p" text={text} />}
    </li>
  );
}

/** One appeal: the text verbatim, its facts, the deadline clock, the answers and the public timeline. */
export function AppealDetailView(props: {
  i18n: I18n;
  names: OrganisationNames;
  appeal: AppealView;
  hasBundle: boolean;
}) {
  const { i18n, names, appeal: a } = props;
  const t = i18n.t;
  const hidden = 'moderation' in a && a.moderation;
  return (
    <article class="narrow" aria-labelledby="appeal-title">
      <p>
        <a href={i18n.href('/appeals')}>← {t('appeal.back')}</a>
      </p>
      <h1 id="appeal-title">
        <bdi>{a.title}</bdi>
      </h1>
      {hidden && (
        <div class="notice warn">
          <strong>{t('appeal.hidden')}</strong>
          <p>{t('appeal.hiddenHelp')}</p>
        </div>
      )}
      <dl class="facts">
        <Field label={t('appeal.status')}>
          <StatusBadge i18n={i18n} status={a.status} /> {a.round > 1 && t('appeal.round', { n: a.round })}
        </Field>
        <Field label={t('appeal.author')}>
          <bdi>{a.pseudonym}</bdi>
        </Field>
        <Field label={t('appeal.posted')}>
          <time datetime={a.createdAt}>{i18n.date(a.createdAt)}</time>
        </Field>
        <Field label={t('appeal.category')}>{names.category(a.categoryId)}</Field>
        <Field label={t('appeal.department')}>{a.department ?? t('appeal.unassigned')}</Field>
        {a.answerDueAt && (
          <Field label={t('appeal.deadline')}>
            <time datetime={a.answerDueAt}>{i18n.dateTime(a.answerDueAt)}</time>{' '}
            {a.answerOverdue && <span class="badge warn">{t('appeal.overdue')}</span>}
          </Field>
        )}
      </dl>
      {a.cosignCount > 0 && <p class="meta">{t('appeal.cosigns', { n: a.cosignCount })}</p>}
      {a.answerOverdue && <p class="notice warn">{t('appeal.deadlineMissed')}</p>}
      <UserText class="appeal-body" text={a.body} />
      <section aria-labelledby="answers-h">
        <h2 id="answers-h">{t('appeal.answers')}</h2>
        {a.answers.length === 0 ? (
          <p>{t('appeal.noAnswers')}</p>
        ) : (
          a.answers.map((x) => <AnswerBlock i18n={i18n} names={names} answer={x} />)
        )}
      </section>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('appeal.timeline')}</h2>
        <ol class="timeline">
          {a.timeline.map((e) => (
            <TimelineItem i18n={i18n} names={names} event={e} showText={!hidden} />
          ))}
        </ol>
      </section>
      <ExplainerLinks i18n={i18n} links={a.explainers} />
      <FollowUpSection i18n={i18n} id={a.id} status={a.status} hasBundle={props.hasBundle} />
    </article>
  );
}
