import type { I18n } from '../../platform/views/i18n/locale.js';

/** What the platform knows and does not: plain words, readable without JavaScript. */
export function PrivacyFacts(props: { i18n: I18n; headingLevel?: 1 | 2 }) {
  const t = props.i18n.t;
  const H = props.headingLevel === 1 ? 'h1' : 'h2';
  const Sub = props.headingLevel === 1 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="privacy-h" class="narrow">
      <H id="privacy-h">{t('privacy.heading')}</H>
      <Sub>{t('privacy.knows')}</Sub>
      <ul>
        <li>{t('privacy.knows.1')}</li>
        <li>{t('privacy.knows.2')}</li>
        <li>{t('privacy.knows.3')}</li>
      </ul>
      <Sub>{t('privacy.notKnows')}</Sub>
      <ul>
        <li>{t('privacy.notKnows.1')}</li>
        <li>{t('privacy.notKnows.2')}</li>
        <li>{t('privacy.notKnows.3')}</li>
        <li>{t('privacy.notKnows.4')}</li>
      </ul>
      <Sub>{t('privacy.phone')}</Sub>
      <ul>
        <li>{t('privacy.phone.1')}</li>
        <li>{t('privacy.phone.2')}</li>
      </ul>
      <p>{t('privacy.staff')}</p>
    </section>
  );
}

/** The wallet: enrollment, the token stock, "my posts" with their receipts, the written backup. */
export function WalletView(props: { i18n: I18n; hasBundle: boolean }) {
  const { i18n } = props;
  const t = i18n.t;
  return (
    <>
      <div class="narrow">
        <h1>{t('wallet.heading')}</h1>
        <noscript>
          <p class="notice warn">{t('wallet.noscript')}</p>
        </noscript>
        {!props.hasBundle && <p class="notice warn">{t('post.unavailable')}</p>}
        <div id="wallet-app" hidden>
          <p id="wallet-note" role="status" class="notice info" hidden />
          <p id="wallet-error" role="alert" tabindex={-1} hidden />
          <section aria-labelledby="tokens-h">
            <h2 id="tokens-h">{t('wallet.tokens')}</h2>
            <p id="stock" />
            <p id="refill-info" class="help" />
            <form id="enroll-form" hidden>
              <label for="code">{t('wallet.codeLabel')}</label>
              <input
                id="code"
                name="code"
                required
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
                aria-describedby="code-help"
              />
              <p id="code-help" class="help">
                {t('wallet.codeHelp')}
              </p>
              <p class="actions">
                <button type="submit">{t('wallet.enroll')}</button>
              </p>
            </form>
            <div id="enrolled-actions" hidden>
              <p class="help">{t('wallet.refillHelp')}</p>
              <p class="actions">
                <button type="button" class="secondary" id="refill-now">
                  {t('wallet.refillNow')}
                </button>
                <button type="button" class="secondary" id="forget-code">
                  {t('wallet.forget')}
                </button>
              </p>
            </div>
          </section>
          <section aria-labelledby="posts-h">
            <h2 id="posts-h">{t('wallet.myPosts')}</h2>
            <ol id="my-posts" class="cards" />
            <p id="no-posts">{t('wallet.noPosts')}</p>
          </section>
          <section aria-labelledby="backup-h">
            <h2 id="backup-h">{t('wallet.backup')}</h2>
            <p>{t('wallet.backupHelp')}</p>
            <p>
              <button type="button" class="secondary" id="backup-show">
                {t('wallet.showBackup')}
              </button>
            </p>
            <pre id="backup-code" class="receipt" hidden />
            <form id="restore-form">
              <label for="restore-text">{t('wallet.restoreLabel')}</label>
              <textarea id="restore-text" name="restore" rows={4} autocomplete="off" spellcheck={false} />
              <p class="actions">
                <button type="submit" class="secondary">
                  {t('wallet.restore')}
                </button>
              </p>
            </form>
          </section>
        </div>
      </div>
      <PrivacyFacts i18n={i18n} />
    </>
  );
}
