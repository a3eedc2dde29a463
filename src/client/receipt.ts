import { posts } from './idb-store.js';
import { $, formatTime, link, msg, say } from './page-kit.js';

/** What the API answers when it stores a worker's appeal (a post or a question under an explainer). */
export interface CreatedAppeal {
  id: number;
  pseudonym: string;
  receipt: string;
  publishAt: string;
}

/**
 * Keeps the receipt under "my posts" and fills in the receipt section (`ReceiptSection` on the server):
 * the pseudonym, the receipt with a copy button, when it will be published and a link to it.
 */
export async function showReceipt(created: CreatedAppeal, title: string) {
  await posts.put({ id: created.id, receipt: created.receipt, pseudonym: created.pseudonym, title });
  $('done-pseudonym').textContent = created.pseudonym;
  $('done-receipt').textContent = created.receipt;
  $('done-publish').textContent = msg('js.publishAt', { time: formatTime(created.publishAt) });
  $<HTMLAnchorElement>('done-link').href = link(`/appeals/${created.id}`);
  const section = $('post-done');
  section.hidden = false;
  section.querySelector<HTMLElement>('h2')?.focus();
  $('copy-receipt').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(created.receipt);
      say($('copy-status'), msg('js.copied'));
    } catch {
      // no clipboard (plain http, old browser): select the text so the worker can copy it by hand
      getSelection()?.selectAllChildren($('done-receipt'));
      say($('copy-status'), msg('js.copyFailed'));
    }
  });
}
