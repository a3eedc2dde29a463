import type { I18n } from '../../platform/views/i18n/locale.js';
import type { statistics } from '../appeals/stats.service.js';
import { ScrollBox } from './components.js';
import type { OrganisationNames } from './organisation-names.js';

type Stats = Awaited<ReturnType<typeof statistics>>;
type Metrics = Stats['overall'];

export interface StatsForm {
  from?: string;
  to?: string;
  departmentId?: string;
}

function figures(i18n: I18n, m: Metrics) {
  const none = i18n.t('stats.none');
  return {
    rate: m.answerRate === null ? none : i18n.percent(m.answerRate),
    median:
      m.medianHoursToFirstAnswer === null
        ? none
        : i18n.t('stats.hours', { n: Math.round(m.medianHoursToFirstAnswer) }),
    promises: `${i18n.number(m.commitments.kept)} / ${i18n.number(m.commitments.total)}`,
    satisfaction: m.satisfaction?.rate == null ? i18n.t('stats.tooFew') : i18n.percent(m.satisfaction.rate),
  };
}

/**
 * Appeals and answered appeals per month as bars. Inline SVG with presentation attributes only (the CSP
 * forbids inline styles); the table below carries the same numbers for screen readers.
 */
function MonthChart(props: { i18n: I18n; months: Stats['months'] }) {
  const max = Math.max(1, ...props.months.map((m) => m.appeals));
  const w = 36;
  const h = 140;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${props.months.length * w + 8} ${h + 24}`}
      width={props.months.length * w + 8}
      height={h + 24}
      role="img"
      aria-labelledby="chart-title"
    >
      <title id="chart-title">{props.i18n.t('stats.chart')}</title>
      {props.months.map((m, i) => {
        const total = Math.round((m.appeals / max) * h);
        const answered = Math.round((m.answered / max) * h);
        return (
          <g>
            <rect x={i * w + 8} y={h - total} width={12} height={total} fill="#9f1d20" />
            <rect x={i * w + 22} y={h - answered} width={12} height={answered} fill="#e8a09a" />
            <text x={i * w + 21} y={h + 16} font-size="11" text-anchor="middle" fill="#4d4d4d">
              {m.month.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Public figures for a period: overall, by department, by month. */
export function StatsView(props: { i18n: I18n; names: OrganisationNames; stats: Stats; form: StatsForm }) {
  const { i18n, stats, form } = props;
  const t = i18n.t;
  const o = stats.overall;
  const f = figures(i18n, o);
  const cells: [string, string][] = [
    [t('stats.views'), i18n.number(o.views)],
    [t('stats.appeals'), i18n.number(o.appeals)],
    [t('stats.answered'), i18n.number(o.answered)],
    [t('stats.answerRate'), f.rate],
    [t('stats.medianHours'), f.median],
    [t('stats.overdueAppeals'), i18n.number(o.overdueAppeals)],
    [t('stats.commitments'), f.promises],
    [t('stats.problemsSolved'), i18n.number(o.problemsSolved)],
  ];
  const Row = (r: { label: string; m: Metrics }) => {
    const x = figures(i18n, r.m);
    return (
      <tr>
        <th scope="row">{r.label}</th>
        <td>{i18n.number(r.m.appeals)}</td>
        <td>{i18n.number(r.m.answered)}</td>
        <td>{x.rate}</td>
        <td>{x.median}</td>
        <td>{i18n.number(r.m.overdueAppeals)}</td>
        <td>{x.promises}</td>
        <td>{x.satisfaction}</td>
      </tr>
    );
  };
  const Head = (h: { first: string }) => (
    <tr>
      {[
        h.first,
        t('stats.appeals'),
        t('stats.answered'),
        t('stats.answerRate'),
        t('stats.medianHours'),
        t('stats.overdueAppeals'),
        t('stats.commitments'),
        t('stats.satisfaction'),
      ].map((c) => (
        <th scope="col">{c}</th>
      ))}
    </tr>
  );
  return (
    <>
      <h1>{t('stats.heading')}</h1>
      <p class="lead">
        {t('stats.period', {
          from: i18n.month(stats.period.from.slice(0, 7)),
          to: i18n.month(stats.period.to.slice(0, 7)),
        })}
      </p>
      <form class="filters" method="get" action="/stats" aria-label={t('stats.filter')}>
        {i18n.langQuery && <input type="hidden" name="lang" value={i18n.langQuery.slice(5)} />}
        <div class="columns">
          <div>
            <label for="from">{t('stats.from')}</label>
            <input type="month" id="from" name="from" value={form.from ?? ''} />
          </div>
          <div>
            <label for="to">{t('stats.to')}</label>
            <input type="month" id="to" name="to" value={form.to ?? ''} />
          </div>
        </div>
        <label for="departmentId">{t('stats.department')}</label>
        <select id="departmentId" name="departmentId">
          <option value="">{t('stats.allDepartments')}</option>
          {props.names.departments.map((d) => (
            <option value={String(d.id)} selected={String(d.id) === form.departmentId}>
              {d.name}
            </option>
          ))}
        </select>
        <p class="actions">
          <button type="submit">{t('stats.apply')}</button>
        </p>
      </form>
      <h2>{t('stats.overall')}</h2>
      <dl class="figures">
        {cells.map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('stats.satisfaction')}</dt>
          <dd>{f.satisfaction}</dd>
        </div>
      </dl>
      <p class="help">{t('stats.tooFewHelp', { n: stats.minRatedForSatisfaction })}</p>
      <h2>{t('stats.byMonth')}</h2>
      {stats.months.length > 0 && <MonthChart i18n={i18n} months={stats.months} />}
      <ScrollBox label={t('stats.byMonth')}>
        <table>
          <caption>{t('stats.byMonth')}</caption>
          <thead>
            <Head first={t('stats.month')} />
          </thead>
          <tbody>
            {stats.months.map((m) => (
              <Row label={i18n.month(m.month)} m={m} />
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <h2>{t('stats.byDepartment')}</h2>
      <ScrollBox label={t('stats.byDepartment')}>
        <table>
          <caption>{t('stats.byDepartment')}</caption>
          <thead>
            <Head first={t('stats.department')} />
          </thead>
          <tbody>
            {stats.departments.map((d) => (
              <Row label={props.names.department(d.departmentId) ?? d.name} m={d} />
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
