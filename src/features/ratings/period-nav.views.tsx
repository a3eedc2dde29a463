import type { I18n } from '../../platform/views/i18n/locale.js';
import { chinaDate } from '../appeals/calendar.service.js';

/** Where the period navigation leads: the quarter before the shown one, and the running one. */
export interface PeriodNav {
  previous: string;
  running: string;
}

/** The period picker: a plain GET form, so it works without JS. */
export function PeriodForm(props: { i18n: I18n; action: string; period: string; nav: PeriodNav }) {
  const { i18n, nav } = props;
  return (
    <form class="filters" method="get" action={props.action}>
      <label for="period">{i18n.t('ratings.period')}</label>
      <input id="period" name="period" value={props.period} pattern="\d{4}-Q[1-4]" required />
      {i18n.langQuery ? <input type="hidden" name="lang" value={i18n.langQuery.slice(5)} /> : null}
      <button type="submit">{i18n.t('ratings.show')}</button>{' '}
      <a href={i18n.href(props.action, { period: nav.previous })}>{i18n.t('ratings.previous')}</a>
      {props.period === nav.running ? null : (
        <>
          {' · '}
          <a href={i18n.href(props.action, { period: nav.running })}>{i18n.t('ratings.running')}</a>
        </>
      )}
    </form>
  );
}

/** While a period runs: that it is open, until when (its last day, China time). */
export function OpenNotice(props: { i18n: I18n; state: { ended: boolean; endsAt: string } }) {
  if (props.state.ended) return null;
  const date = chinaDate(Date.parse(props.state.endsAt) - 1);
  return <p class="notice">{props.i18n.t('ratings.open', { date })}</p>;
}

/** The rating count of a running period: rounded down to a multiple of k, or "fewer than k". */
export const soFarText = (i18n: I18n, n: number | null, k: number) =>
  n === null ? i18n.t('ratings.soFarFew', { k }) : i18n.t('ratings.soFar', { n: i18n.number(n) });
