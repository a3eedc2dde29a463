import { onSubmit, sendJson } from './api.js';
import { posts } from './idb-store.js';
import { $ } from './page-kit.js';

const ids = { status: 'follow-up-status', error: 'follow-up-error' };

/**
 * The follow-up actions on an appeal page: anyone with tokens may co-sign; the author, whose receipt the
 * wallet keeps under "my posts", may add information, rate the answer or withdraw. After an action the
 * page reloads, so what it shows is what the server now publishes.
 */
export async function appealPage() {
  const root = document.getElementById('follow-up');
  if (!root) return;
  const id = Number(root.dataset.appealId);
  $('follow-up-app').hidden = false;
  const cosign = document.getElementById('cosign-form') as HTMLFormElement | null;
  if (cosign)
    onSubmit(cosign, ids, async () => {
      await sendJson(`/api/v1/appeals/${id}/cosigns`, {}, { token: true });
      location.reload();
    });
  const mine = await posts.get(id);
  if (!mine) return;
  $('author-actions').hidden = false;
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-action]')) {
    onSubmit(form, ids, async (fields) => {
      await sendJson(`/api/v1/appeals/${id}/${form.dataset.action}`, { ...fields, receipt: mine.receipt });
      location.reload();
    });
  }
}
