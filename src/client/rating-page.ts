import { $, msg, say } from './page-kit.js';
import { scopedTokenForm } from './scoped-token.js';

/**
 * The rating form on a department's scorecard: one rating per worker and period, paid with the
 * department's token of the period, fetched with the wallet's enrollment code.
 */
export async function ratingPage() {
  const form = document.getElementById('rating-form') as HTMLFormElement | null;
  if (!form) return;
  const id = Number(form.dataset.departmentId);
  const period = form.dataset.period ?? '';
  await scopedTokenForm(form, {
    store: `rating-token:${id}:${period}`,
    offerFrom: `/api/v1/departments/${id}/scorecard`,
    closed: 'RATING_NOT_OPEN',
    ids: { status: 'rating-status', error: 'rating-error' },
    codeField: 'rating-code-field',
    path: `/api/v1/departments/${id}/ratings`,
    body: (f) => ({
      period,
      responsiveness: Number(f.responsiveness),
      fairness: Number(f.fairness),
      result: Number(f.result),
      comment: f.comment,
    }),
    done: () => {
      form.hidden = true;
      say($('rating-status'), msg('js.ratings.done'));
    },
  });
}
