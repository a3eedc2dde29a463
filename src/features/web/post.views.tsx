import type { I18n } from '../../platform/views/i18n/locale.js';
import { ReceiptSection } from './receipt.views.js';

function StepButtons(props: { i18n: I18n; back?: string; next?: string; nextLabel?: string }) {
  const t = props.i18n.t;
  return (
    <p class="actions">
      {props.back && (
        <button type="button" class="secondary" data-go={props.back}>
          {t(props.back === 'write' ? 'post.edit' : 'post.back')}
        </button>
      )}
      {props.next && (
        <button type="button" data-go={props.next}>
          {props.nextLabel ?? t('post.next')}
        </button>
      )}
    </p>
  );
}

/**
 * The posting flow: category → write → identifying-details check → preview → send → receipt. All steps
 * are in the HTML; the bundle shows one at a time, spends a token and fills in the result.
 */
export function PostView(props: {
  i18n: I18n;
  categories: { id: number; name: string; answerDays: number }[];
  hasBundle: boolean;
}) {
  const { i18n } = props;
  const t = i18n.t;
  return (
    <div class="narrow">
      <h1>{t('post.heading')}</h1>
      <noscript>
        <p class="notice warn">{t('post.noscript')}</p>
      </noscript>
      {!props.hasBundle && <p class="notice warn">{t('post.unavailable')}</p>}
      <div id="post-app" hidden>
        <p id="wallet-status" class="notice info" role="status" />
        <form id="post-form" novalidate>
          <section data-step="category">
            <h2 tabindex={-1}>{t('post.step.category')}</h2>
            <fieldset>
              <legend>{t('appeal.category')}</legend>
              <ul class="choices">
                {props.categories.map((c) => (
                  <li>
                    <label for={`category-${c.id}`}>
                      <input type="radio" name="categoryId" id={`category-${c.id}`} value={String(c.id)} />
                      <span class="category-name">{c.name}</span>
                      <span class="meta"> · {t('post.answerDays', { n: c.answerDays })}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <StepButtons i18n={i18n} next="write" />
          </section>
          <section data-step="write" hidden>
            <h2 tabindex={-1}>{t('post.step.write')}</h2>
            <label for="title">{t('post.titleLabel')}</label>
            <input
              id="title"
              name="title"
              maxlength={120}
              required
              autocomplete="off"
              aria-describedby="title-help"
            />
            <p id="title-help" class="help">
              {t('post.titleHelp')}
            </p>
            <label for="body">{t('post.bodyLabel')}</label>
            <textarea
              id="body"
              name="body"
              maxlength={5000}
              required
              rows={10}
              aria-describedby="body-help"
            />
            <p id="body-help" class="help">
              {t('post.bodyHelp')}
            </p>
            <StepButtons i18n={i18n} back="category" next="check" />
          </section>
          <section data-step="check" hidden>
            <h2 tabindex={-1}>{t('post.step.check')}</h2>
            <p>{t('post.hintIntro')}</p>
            <div class="notice warn" id="hint-some" hidden>
              <p>{t('post.hintSome')}</p>
              <ul id="hint-findings" />
            </div>
            <p class="notice" id="hint-none" hidden>
              {t('post.hintNone')}
            </p>
            <p>{t('post.hintAdvice')}</p>
            <StepButtons i18n={i18n} back="write" next="preview" />
          </section>
          <section data-step="preview" hidden>
            <h2 tabindex={-1}>{t('post.step.preview')}</h2>
            <p>{t('post.previewIntro')}</p>
            <article class="preview">
              <p id="preview-title" class="user-text preview-title" dir="auto" />
              <div id="preview-body" class="user-text" dir="auto" />
              <p class="meta">
                {t('post.previewCategory')}
                <span id="preview-category" />
              </p>
            </article>
            <p class="notice">{t('post.final')}</p>
            <p class="actions">
              <button type="button" class="secondary" data-go="write">
                {t('post.edit')}
              </button>
              <button type="submit" id="send">
                {t('post.send')}
              </button>
            </p>
          </section>
          <p id="post-sending" role="status" hidden />
          <p id="post-error" role="alert" tabindex={-1} hidden />
        </form>
        <ReceiptSection i18n={i18n} />
      </div>
      <p>
        <a href={i18n.href('/wallet')}>{t('post.toWallet')}</a> ·{' '}
        <a href={i18n.href('/privacy')}>{t('post.privacy')}</a>
      </p>
    </div>
  );
}
