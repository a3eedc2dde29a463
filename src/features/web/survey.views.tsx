import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import type { SurveyResults } from '../surveys/survey-results.js';
import type { surveyView } from '../surveys/survey-view.js';
import { ScriptMessages } from './appeal-follow-up.views.js';
import { ScrollBox, UserText } from './components.js';
import type { OrganisationNames } from './organisation-names.js';

type Survey = ReturnType<typeof surveyView>;
type Question = Survey['questions'][number];
type ResultQuestion = SurveyResults['questions'][number];

function Period(props: { i18n: I18n; s: Survey }) {
  const { i18n, s } = props;
  return (
    <p class="meta">
      <span class="badge">{i18n.t(`survey.status.${s.status}` as MessageKey)}</span>{' '}
      {i18n.t('survey.period', { from: i18n.dateTime(s.opensAt), to: i18n.dateTime(s.closesAt) })}
    </p>
  );
}

/** Published surveys, newest first. */
export function SurveyListView(props: { i18n: I18n; surveys: Survey[]; nextCursor: string | null }) {
  const { i18n } = props;
  return (
    <section class="narrow">
      <h1>{i18n.t('survey.heading')}</h1>
      {props.surveys.length === 0 && <p>{i18n.t('survey.empty')}</p>}
      <ul class="cards">
        {props.surveys.map((s) => (
          <li class="card">
            <h2>
              <a href={i18n.href(`/surveys/${s.id}`)}>
                <bdi>{s.title}</bdi>
              </a>
            </h2>
            <Period i18n={i18n} s={s} />
          </li>
        ))}
      </ul>
      {props.nextCursor && (
        <p>
          <a rel="next" href={i18n.href('/surveys', { cursor: props.nextCursor })}>
            {i18n.t('forum.more')}
          </a>
        </p>
      )}
    </section>
  );
}

/** One question as form fields named `q<index>`; every question may be left blank. */
function QuestionField(props: { i18n: I18n; q: Question; index: number }) {
  const { q, index } = props;
  const name = `q${index}`;
  const choices =
    q.kind === 'scale'
      ? Array.from({ length: (q.max ?? 5) - (q.min ?? 1) + 1 }, (_, i) => String((q.min ?? 1) + i))
      : (q.options ?? []);
  return (
    <fieldset data-kind={q.kind} data-index={String(index)}>
      <legend>
        <bdi>{q.prompt}</bdi> <span class="meta">{props.i18n.t('survey.optional')}</span>
      </legend>
      {q.kind === 'text' ? (
        <textarea id={`${name}-text`} name={name} maxlength={2000} rows={3} aria-label={q.prompt} />
      ) : (
        <ul class="choices">
          {choices.map((label, i) => (
            <li>
              <label for={`${name}-${i}`}>
                <input
                  type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                  id={`${name}-${i}`}
                  name={name}
                  value={q.kind === 'scale' ? label : String(i)}
                />
                <bdi>{label}</bdi>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function Cell(props: { i18n: I18n; value: number | null; k: number }) {
  return props.value === null ? (
    <td class="suppressed">{props.i18n.t('survey.suppressed', { k: props.k })}</td>
  ) : (
    <td>{props.i18n.number(props.value)}</td>
  );
}

function ResultBlock(props: { i18n: I18n; names: OrganisationNames; q: ResultQuestion; k: number }) {
  const { i18n, names, q, k } = props;
  const t = i18n.t;
  return (
    <section class="card">
      <h3>
        <bdi>{q.prompt}</bdi>
      </h3>
      {q.mean !== undefined && <p>{t('survey.mean', { n: q.mean.toFixed(2) })}</p>}
      {q.options && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('survey.option')}</th>
              <th scope="col">{t('survey.count')}</th>
              <th scope="col">%</th>
            </tr>
          </thead>
          <tbody>
            {q.options.map((o) => (
              <tr>
                <th scope="row">
                  <bdi>{o.label}</bdi>
                </th>
                <td>{i18n.number(o.count)}</td>
                <td>{i18n.percent(o.percent / 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {q.byDepartment && q.options && (
        <ScrollBox label={t('survey.byDepartment')}>
          <table>
            <caption>{t('survey.byDepartment')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('appeal.department')}</th>
                {q.options.map((o) => (
                  <th scope="col">
                    <bdi>{o.label}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {q.byDepartment.map((row) => (
                <tr>
                  <th scope="row">
                    {row.departmentId === null
                      ? t('survey.otherDepartments')
                      : names.department(row.departmentId)}
                  </th>
                  {row.cells.map((v) => (
                    <Cell i18n={i18n} value={v} k={k} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {q.texts && q.texts.length > 0 && (
        <>
          <h4>{t('survey.texts')}</h4>
          <ul>
            {q.texts.map((text) => (
              <li>
                <UserText text={text} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Results, or why there are none yet: hidden until the close, or too few answers to show. */
function Results(props: { i18n: I18n; names: OrganisationNames; s: Survey; results: SurveyResults | null }) {
  const { i18n, names, s, results } = props;
  const t = i18n.t;
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">{t('survey.results')}</h2>
      {!results ? (
        <p>{t('survey.resultsHidden')}</p>
      ) : results.responseCount === null ? (
        <p>{t('survey.tooFew', { k: results.k })}</p>
      ) : (
        <>
          <p>
            {t('survey.responses', { n: results.responseCount })} ·{' '}
            <a href={`/api/v1/surveys/${s.id}/results.csv`}>{t('survey.csv')}</a>
          </p>
          {results.questions.map((q) => (
            <ResultBlock i18n={i18n} names={names} q={q} k={results.k} />
          ))}
        </>
      )}
    </section>
  );
}

/** One survey: its questions as a form the bundle sends with this survey's own token, and its results. */
export function SurveyView(props: {
  i18n: I18n;
  names: OrganisationNames;
  survey: Survey;
  results: SurveyResults | null;
  hasBundle: boolean;
}) {
  const { i18n, survey: s } = props;
  const t = i18n.t;
  return (
    <article class="narrow" id="survey" data-survey-id={String(s.id)}>
      <p>
        <a href={i18n.href('/surveys')}>← {t('survey.back')}</a>
      </p>
      <h1>
        <bdi>{s.title}</bdi>
      </h1>
      <Period i18n={i18n} s={s} />
      {s.description && <UserText text={s.description} />}
      {s.status === 'open' ? (
        <section aria-labelledby="answer-h">
          <h2 id="answer-h">{t('survey.answerHeading')}</h2>
          <p class="help">{t('survey.once')}</p>
          <noscript>
            <p class="notice warn">{t('survey.noscript')}</p>
          </noscript>
          {!props.hasBundle && <p class="notice warn">{t('post.unavailable')}</p>}
          <ScriptMessages prefix="survey" />
          <form id="survey-form" hidden>
            {s.questions.map((q, i) => (
              <QuestionField i18n={i18n} q={q} index={i} />
            ))}
            <p id="survey-code-field" hidden>
              <label for="survey-code">{t('survey.codeLabel')}</label>
              <input id="survey-code" name="code" autocomplete="off" />
            </p>
            <p class="actions">
              <button type="submit">{t('survey.send')}</button>
            </p>
          </form>
        </section>
      ) : (
        <p class="notice info">{t('survey.notOpen')}</p>
      )}
      <Results i18n={i18n} names={props.names} s={s} results={props.results} />
    </article>
  );
}
