import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';
import type { Named } from '../web/organisation-names.js';
import { ErrorSummary, Field, type FieldErrors, type FormValues, idOf } from './console-form.js';

export const answerKinds = ['solvable', 'not_yet_solvable', 'outside_policy'] as const;
export type AnswerKind = (typeof answerKinds)[number];

type Control = 'text' | 'textarea' | 'date' | 'department';
// the required fields of each kind (answers.schemas.ts decides; this only lays them out)
const fieldsOf: Record<AnswerKind, [name: string, control: Control, label: MessageKey, required: boolean][]> =
  {
    solvable: [
      ['measures', 'textarea', 'console.answer.measures', true],
      ['ownerDepartmentId', 'department', 'console.answer.owner', true],
      ['dueDate', 'date', 'console.answer.dueDate', true],
    ],
    not_yet_solvable: [
      ['reason', 'textarea', 'console.answer.reason', true],
      ['investigation', 'textarea', 'console.answer.investigation', true],
      ['nextUpdate', 'date', 'console.answer.nextUpdate', true],
    ],
    outside_policy: [
      ['explanation', 'textarea', 'console.answer.explanation', true],
      ['policyUrl', 'text', 'console.answer.policyUrl', false],
    ],
  };

const legendOf: Record<AnswerKind, MessageKey> = {
  solvable: 'console.answer.solvable',
  not_yet_solvable: 'console.answer.notYet',
  outside_policy: 'console.answer.policy',
};

/** The form's strings as the answer schema's input: numbers for ids, nothing for an empty optional field. */
export function answerInput(kind: string, form: FormValues): Record<string, unknown> {
  const fields = fieldsOf[kind as AnswerKind] ?? [];
  const out: Record<string, unknown> = { kind };
  for (const [name, control] of fields) {
    const v = form[name];
    if (v === undefined || v === '') continue;
    out[name] = control === 'department' ? (idOf(v) ?? v) : v;
  }
  return out;
}

export interface AnswerFormState {
  kind: AnswerKind;
  values: FormValues;
  errors: FieldErrors;
}

function Control(props: {
  control: Control;
  name: string;
  value: string;
  required: boolean;
  departments: Named[];
  i18n: I18n;
  aria: Record<string, string | undefined>;
}) {
  const { control, name, value, aria } = props;
  if (control === 'textarea')
    return (
      <textarea {...aria} name={name} rows={4} required={props.required}>
        {value}
      </textarea>
    );
  if (control === 'department')
    return (
      <select {...aria} name={name} required>
        <option value="">{props.i18n.t('console.field.department')}</option>
        {props.departments.map((d) => (
          <option value={String(d.id)} selected={String(d.id) === value}>
            {d.name}
          </option>
        ))}
      </select>
    );
  return (
    <input
      {...aria}
      name={name}
      type={control === 'date' ? 'date' : 'text'}
      value={value}
      required={props.required}
    />
  );
}

/** Three forms, one per answer kind, each with exactly the fields that kind requires. */
export function AnswerForms(props: {
  i18n: I18n;
  appealId: number;
  departments: Named[];
  defaultDepartmentId: number | null;
  state?: AnswerFormState;
}) {
  const { i18n, state } = props;
  const t = i18n.t;
  return (
    <section aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t('console.appeal.answerHeading')}</h2>
      <p class="help">{t('console.appeal.answerIntro')}</p>
      {answerKinds.map((kind) => {
        const mine = state?.kind === kind ? state : undefined;
        const labels = Object.fromEntries(fieldsOf[kind].map(([n, , l]) => [n, t(l)]));
        return (
          <form
            method="post"
            action={i18n.href(`/staff/appeals/${props.appealId}/answers`)}
            class="answer-form"
          >
            <fieldset>
              <legend>{t(legendOf[kind])}</legend>
              {mine && <ErrorSummary i18n={i18n} errors={mine.errors} labels={labels} />}
              <input type="hidden" name="kind" value={kind} />
              {fieldsOf[kind].map(([name, control, label, required]) => (
                <Field i18n={i18n} id={`${kind}-${name}`} label={t(label)} error={mine?.errors[name]}>
                  {(aria) => (
                    <Control
                      control={control}
                      name={name}
                      value={
                        mine?.values[name] ??
                        (control === 'department' ? String(props.defaultDepartmentId ?? '') : '')
                      }
                      required={required}
                      departments={props.departments}
                      i18n={i18n}
                      aria={aria}
                    />
                  )}
                </Field>
              ))}
              <p class="actions">
                <button type="submit">{t('console.answer.submit')}</button>
              </p>
            </fieldset>
          </form>
        );
      })}
    </section>
  );
}
