import { onSubmit, sendJson } from './api.js';
import { $ } from './page-kit.js';
import { type CreatedAppeal, showReceipt } from './receipt.js';

/**
 * A question under an explainer: an anonymous appeal to its department, paid with one ordinary token;
 * its receipt is shown once and kept under "my posts", as for any post.
 */
export async function explainerPage() {
  const form = document.getElementById('question-form') as HTMLFormElement | null;
  if (!form) return;
  const id = Number(form.dataset.explainerId);
  form.hidden = false;
  onSubmit(form, { status: 'question-status', error: 'question-error' }, async (fields) => {
    const body = { title: fields.title ?? '', body: fields.body ?? '' };
    const created = await sendJson<CreatedAppeal>(`/api/v1/explainers/${id}/questions`, body, {
      token: true,
    });
    await showReceipt(created, body.title);
    form.hidden = true;
    $('question-intro').hidden = true;
  });
}
