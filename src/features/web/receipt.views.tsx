import type { I18n } from '../../platform/views/i18n/locale.js';

/**
 * Where the bundle shows a new appeal's receipt (src/client/receipt.ts fills it in): after posting, or
 * after asking under an explainer. Hidden until then.
 */
export function ReceiptSection(props: { i18n: I18n }) {
  const t = props.i18n.t;
  return (
    <section id="post-done" hidden>
      <h2 tabindex={-1}>{t('post.done')}</h2>
      <p>
        {t('post.donePseudonym')}
        <strong id="done-pseudonym" />
      </p>
      <p>
        <strong>{t('post.receiptLabel')}</strong>
      </p>
      <code id="done-receipt" class="receipt" />
      <p class="actions">
        <button type="button" id="copy-receipt">
          {t('post.copy')}
        </button>
        <a class="button secondary" id="done-link" href="/appeals">
          {t('post.view')}
        </a>
      </p>
      <p id="copy-status" role="status" hidden />
      <p>{t('post.receiptHelp')}</p>
      <p id="done-publish" />
    </section>
  );
}
