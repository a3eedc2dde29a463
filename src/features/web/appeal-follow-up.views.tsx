import type { AppealStatus } from '../../../db/schema/index.js';
import type { I18n } from '../../platform/views/i18n/locale.js';

/** One labelled text area; `id` doubles as the field's name unless `name` is given. */
export function TextField(props: {
  id: string;
  name?: string;
  label: string;
  max: number;
  required?: boolean;
  rows?: number;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        name={props.name ?? props.id}
        maxlength={props.max}
        required={props.required}
        rows={props.rows ?? 4}
      />
    </>
  );
}

/** Status and error lines a page's script writes into (a live region and a focusable alert). */
export function ScriptMessages(props: { prefix: string }) {
  return (
    <>
      <p id={`${props.prefix}-status`} class="notice info" role="status" hidden />
      <p id={`${props.prefix}-error`} class="notice warn" role="alert" tabindex={-1} hidden />
    </>
  );
}

const verdictChoices = ['satisfied', 'partly_satisfied', 'unsatisfied'] as const;

function VerdictForm(props: { i18n: I18n }) {
  const t = props.i18n.t;
  return (
    <form data-action="verdict" class="stack">
      <fieldset>
        <legend>{t('followUp.verdict')}</legend>
        <ul class="choices">
          {verdictChoices.map((v, i) => (
            <li>
              <label for={`verdict-${v}`}>
                <input type="radio" name="verdict" id={`verdict-${v}`} value={v} required={i === 0} />
                {t(`verdict.${v}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="help">{t('followUp.verdictHelp')}</p>
      <TextField id="verdict-reason" name="reason" label={t('followUp.reason')} max={2000} />
      <p class="actions">
        <button type="submit">{t('followUp.sendVerdict')}</button>
      </p>
    </form>
  );
}

/**
 * The worker's follow-up on an appeal. Everything is in the HTML but hidden; the bundle shows co-signing
 * to anyone with tokens, and the author's forms only when the wallet holds this appeal's receipt.
 */
export function FollowUpSection(props: { i18n: I18n; id: number; status: AppealStatus; hasBundle: boolean }) {
  const { i18n, status } = props;
  const t = i18n.t;
  const ended = status === 'closed' || status === 'withdrawn';
  return (
    <section id="follow-up" data-appeal-id={String(props.id)} aria-labelledby="follow-up-h">
      <h2 id="follow-up-h">{t('followUp.heading')}</h2>
      <noscript>
        <p class="notice warn">{t('followUp.noscript')}</p>
      </noscript>
      {!props.hasBundle && <p class="notice warn">{t('post.unavailable')}</p>}
      <div id="follow-up-app" hidden>
        <ScriptMessages prefix="follow-up" />
        {status !== 'withdrawn' && (
          <form id="cosign-form">
            <p class="help">{t('followUp.cosignHelp')}</p>
            <p class="actions">
              <button type="submit">{t('followUp.cosign')}</button>
            </p>
          </form>
        )}
        <p class="help">{t('followUp.notMine')}</p>
        <div id="author-actions" hidden>
          <h3>{t('followUp.author')}</h3>
          {status === 'answered' && <VerdictForm i18n={i18n} />}
          {status !== 'withdrawn' && (
            <form data-action="information">
              <TextField
                id="information-text"
                name="text"
                label={t('followUp.information')}
                max={5000}
                required
              />
              <p class="actions">
                <button type="submit">{t('followUp.sendInformation')}</button>
              </p>
            </form>
          )}
          {!ended && (
            <form data-action="withdraw">
              <TextField id="withdraw-reason" name="reason" label={t('followUp.withdrawReason')} max={2000} />
              <p class="actions">
                <button type="submit" class="secondary">
                  {t('followUp.sendWithdraw')}
                </button>
              </p>
            </form>
          )}
        </div>
      </div>
    </section>
  );
}
