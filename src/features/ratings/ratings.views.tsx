import { ratingCriteria } from '../../../db/schema/index.js';
import type { I18n } from '../../platform/views/i18n/locale.js';
import { UserText } from '../web/components.js';
import type { listComments } from './comments.service.js';
import { OpenNotice, PeriodForm, type PeriodNav, soFarText } from './period-nav.views.js';
import type { ratingCard } from './rating-card.js';
import { RateSection } from './rating-form.views.js';
import type { leagueTable } from './scorecard.service.js';

type League = Awaited<ReturnType<typeof leagueTable>>;
type Card = Awaited<ReturnType<typeof ratingCard>>;
type Comments = Awaited<ReturnType<typeof listComments>>;
type Facts = Card['appeals'];

const nameOf = (i18n: I18n, d: { nameZh: string; nameEn: string }) =>
  i18n.locale === 'en' ? d.nameEn : d.nameZh;
const orNone = (i18n: I18n, v: number | null | undefined, f: (n: number) => string = i18n.number) =>
  v === null || v === undefined ? i18n.t('ratings.none') : f(v);

/** The league table: every department, ranked by smoothed score, with volumes beside every score. */
export function LeagueView(props: { i18n: I18n; league: League; nav: PeriodNav }) {
  const { i18n, league } = props;
  const t = i18n.t;
  return (
    <section>
      <h1>
        {t('ratings.title')} · {league.period}
      </h1>
      <p class="lead">{t('ratings.intro')}</p>
      <p class="help">{t('ratings.rule', { k: league.k, w: league.priorWeight })}</p>
      <PeriodForm i18n={i18n} action="/ratings" period={league.period} nav={props.nav} />
      <OpenNotice i18n={i18n} state={league} />
      {league.bureau.mean !== null ? (
        <p>{t('ratings.bureau', { n: league.bureau.ratings, mean: league.bureau.mean.toFixed(2) })}</p>
      ) : null}
      <div class="table-scroll">
        <table>
          <caption>{t('ratings.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ratings.rank')}</th>
              <th scope="col">{t('ratings.department')}</th>
              <th scope="col">{t('ratings.count')}</th>
              <th scope="col">{t('ratings.mean')}</th>
              <th scope="col">{t('ratings.smoothed')}</th>
              <th scope="col">{t('ratings.answerRate')}</th>
            </tr>
          </thead>
          <tbody>
            {league.departments.map((row) => (
              <tr>
                <td>{orNone(i18n, row.rank)}</td>
                <th scope="row">
                  <a
                    href={i18n.href(`/departments/${row.department.id}/scorecard`, { period: league.period })}
                  >
                    {nameOf(i18n, row.department)}
                  </a>
                </th>
                {row.scores ? (
                  <>
                    <td>{i18n.number(row.scores.ratings)}</td>
                    <td>{row.scores.mean.toFixed(2)}</td>
                    <td>{row.scores.smoothed.toFixed(2)}</td>
                  </>
                ) : league.ended ? (
                  <td colspan={3}>{t('ratings.tooFew', { k: league.k })}</td>
                ) : (
                  <td colspan={3}>{soFarText(i18n, row.ratingsSoFar, league.k)}</td>
                )}
                <td>{orNone(i18n, row.appeals?.answerRate, i18n.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FactsList(props: { i18n: I18n; facts: Facts }) {
  const { i18n, facts } = props;
  if (!facts) return null;
  const t = i18n.t;
  const s = facts.satisfaction;
  const cells: [string, string][] = [
    [t('ratings.appeals'), i18n.number(facts.appeals)],
    [t('ratings.answered'), i18n.number(facts.answered)],
    [t('ratings.answerRate'), orNone(i18n, facts.answerRate, i18n.percent)],
    [t('ratings.medianHours'), orNone(i18n, facts.medianHoursToFirstAnswer)],
    [
      t('ratings.commitmentsKept'),
      `${i18n.number(facts.commitments.kept)} / ${i18n.number(facts.commitments.total)}`,
    ],
    [
      t('ratings.satisfaction'),
      s?.rate == null ? t('ratings.none') : `${i18n.percent(s.rate)} (${i18n.number(s.rated)})`,
    ],
  ];
  return (
    <dl class="figures">
      {cells.map(([label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CommentList(props: { i18n: I18n; card: Card; comments: Comments }) {
  const { i18n, card, comments } = props;
  if (!comments.shown) return <p>{i18n.t('ratings.commentsHidden', { k: card.k })}</p>;
  if (comments.items.length === 0) return <p>{i18n.t('ratings.noComments')}</p>;
  const path = `/departments/${card.department.id}/scorecard`;
  return (
    <>
      <ul class="cards">
        {comments.items.map((c) => (
          <li class="card">
            <UserText text={c.body} />
            {c.reply ? (
              <blockquote>
                <p class="meta">{i18n.t('ratings.reply', { by: c.reply.by })}</p>
                <UserText text={c.reply.body} />
              </blockquote>
            ) : null}
          </li>
        ))}
      </ul>
      {comments.nextCursor ? (
        <p>
          <a rel="next" href={i18n.href(path, { period: card.period, cursor: comments.nextCursor })}>
            {i18n.t('ratings.moreComments')}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** One department's scorecard: scores with counts (or nothing under k), appeal facts, comments, how to rate. */
export function ScorecardView(props: {
  i18n: I18n;
  card: Card;
  comments: Comments;
  nav: PeriodNav;
  hasBundle: boolean;
}) {
  const { i18n, card } = props;
  const t = i18n.t;
  const path = `/departments/${card.department.id}/scorecard`;
  return (
    <article>
      <p>
        <a href={i18n.href('/ratings', { period: card.period })}>{t('ratings.back')}</a>
      </p>
      <h1>
        {nameOf(i18n, card.department)} · {card.period}
      </h1>
      <PeriodForm i18n={i18n} action={path} period={card.period} nav={props.nav} />
      <h2>{t('ratings.scores')}</h2>
      <OpenNotice i18n={i18n} state={card} />
      {card.scores ? (
        <dl class="figures">
          {ratingCriteria.map((c) => (
            <div>
              <dt>{t(`ratings.criterion.${c}`)}</dt>
              <dd>
                {card.scores!.criteria[c].mean.toFixed(2)} ({t('ratings.count')}{' '}
                {card.scores!.criteria[c].count})
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('ratings.smoothed')}</dt>
            <dd>
              {card.scores.smoothed.toFixed(2)} ({t('ratings.count')} {card.scores.ratings})
            </dd>
          </div>
        </dl>
      ) : card.ended ? (
        <p>{t('ratings.tooFew', { k: card.k })}</p>
      ) : (
        <p>
          {t('ratings.count')}: {soFarText(i18n, card.ratingsSoFar, card.k)}
        </p>
      )}
      <p class="help">{t('ratings.rule', { k: card.k, w: card.priorWeight })}</p>
      <h2>{t('ratings.facts')}</h2>
      <FactsList i18n={i18n} facts={card.appeals} />
      <h2>{t('ratings.comments')}</h2>
      <CommentList i18n={i18n} card={card} comments={props.comments} />
      <RateSection i18n={i18n} card={card} hasBundle={props.hasBundle} />
    </article>
  );
}
