import { type RatingCriterion, ratingCriteria } from '../../../db/schema/index.js';
import type { I18n } from '../../platform/views/i18n/locale.js';
import { ScriptMessages, TextField } from '../web/appeal-follow-up.views.js';
import type { ratingCard } from './rating-card.js';

type Card = Awaited<ReturnType<typeof ratingCard>>;

/** One criterion as a group of five radio buttons, 1 (worst) to 5. */
function ScoreField(props: { i18n: I18n; criterion: RatingCriterion }) {
  const { i18n, criterion } = props;
  return (
    <fieldset>
      <legend>{i18n.t(`ratings.criterion.${criterion}`)}</legend>
      <ul class="choices">
        {[1, 2, 3, 4, 5].map((n) => (
          <li>
            <label for={`rate-${criterion}-${n}`}>
              <input type="radio" id={`rate-${criterion}-${n}`} name={criterion} value={String(n)} required />
              {i18n.t('ratings.score', { n })}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * Rating the department this period: the bundle fetches the department's one token with the wallet's
 * enrollment code and spends it; the endpoints are listed for other clients.
 */
export function RateSection(props: { i18n: I18n; card: Card; hasBundle: boolean }) {
  const { i18n, card } = props;
  const t = i18n.t;
  if (!card.token)
    return (
      <section>
        <h2>{t('ratings.rateHeading')}</h2>
        <p>{t('ratings.rateEnded')}</p>
      </section>
    );
  return (
    <section aria-labelledby="rate-h">
      <h2 id="rate-h">
        {t('ratings.rateHeading')} · {card.ratingPeriod}
      </h2>
      <p>{t('ratings.rateHelp')}</p>
      <noscript>
        <p class="notice warn">{t('ratings.noscript')}</p>
      </noscript>
      {!props.hasBundle && <p class="notice warn">{t('post.unavailable')}</p>}
      <ScriptMessages prefix="rating" />
      <form
        id="rating-form"
        class="stack"
        data-department-id={String(card.department.id)}
        data-period={card.ratingPeriod}
        hidden
      >
        <p class="help">{t('ratings.scoreHelp')}</p>
        {ratingCriteria.map((c) => (
          <ScoreField i18n={i18n} criterion={c} />
        ))}
        <TextField
          id="rate-comment"
          name="comment"
          label={t('ratings.commentLabel', { k: card.k })}
          max={2000}
        />
        <p id="rating-code-field" hidden>
          <label for="rating-code">{t('ratings.codeLabel')}</label>
          <input id="rating-code" name="code" autocomplete="off" />
        </p>
        <p class="actions">
          <button type="submit">{t('ratings.send')}</button>
        </p>
      </form>
      <p class="help">
        {t('ratings.api')} <code>POST {new URL(card.token['issuer-request-uri']).pathname}</code> ·{' '}
        <code>POST /api/v1/departments/{card.department.id}/ratings</code>
      </p>
    </section>
  );
}
