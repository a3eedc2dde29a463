import { $, msg, say } from './page-kit.js';
import { scopedTokenForm } from './scoped-token.js';

type Answer = number | number[] | string | null;

/** answers[i] in the API's shape: option index, indexes, scale value, text, or null when left blank. */
function answersOf(form: HTMLFormElement): Answer[] {
  const data = new FormData(form);
  return [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-kind]')].map((fs) => {
    const values = data
      .getAll(`q${fs.dataset.index}`)
      .map(String)
      .filter((v) => v.trim() !== '');
    if (values.length === 0) return null;
    if (fs.dataset.kind === 'multiple') return values.map(Number);
    return fs.dataset.kind === 'text' ? values[0]! : Number(values[0]);
  });
}

/** The survey page: one answer per worker, paid with this survey's own token. */
export async function surveyPage() {
  const root = document.getElementById('survey');
  const form = document.getElementById('survey-form') as HTMLFormElement | null;
  if (!root || !form) return;
  const id = Number(root.dataset.surveyId);
  await scopedTokenForm(form, {
    store: `survey-token:${id}`,
    offerFrom: `/api/v1/surveys/${id}`,
    closed: 'SURVEY_NOT_OPEN',
    ids: { status: 'survey-status', error: 'survey-error' },
    codeField: 'survey-code-field',
    path: `/api/v1/surveys/${id}/responses`,
    body: () => ({ answers: answersOf(form) }),
    done: () => {
      form.hidden = true;
      say($('survey-status'), msg('js.survey.done'));
    },
  });
}
