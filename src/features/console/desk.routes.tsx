import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { AnswerBody, AssignBody } from '../appeals/answers.schemas.js';
import { answerAppeal } from '../appeals/answers.service.js';
import { getAppeal } from '../appeals/detail.service.js';
import { listQueue } from '../appeals/inbox.service.js';
import { assignAppeal } from '../appeals/routing.service.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { AppealDetailView } from '../web/appeal-detail.views.js';
import { organisationNames } from '../web/organisation-names.js';
import { type AnswerFormState, AnswerForms, type AnswerKind, answerInput } from './answer-form.views.js';
import { type FieldErrors, type FormValues, idOf, issuesToFields, readForm } from './console-form.js';
import { Done, renderConsole } from './console-page.js';
import { QueueTable, ReassignForm } from './desk.views.js';

const DESK = ['responder', 'dispatcher', 'admin'] as const;
const ROUTERS = ['dispatcher', 'admin'] as const;
const QUEUE_LIMIT = 200;

// service refusals that belong to one field of the form, shown there instead of on an error page
const fieldOfCode: Partial<Record<string, [field: string, FieldErrors[string]]>> = {
  DATE_IN_PAST: ['date', 'console.field.date'],
  DEPARTMENT_NOT_FOUND: ['department', 'console.field.department'],
};

function appealId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError('APPEAL_NOT_FOUND');
  return Number(raw);
}

/** The appeal as the public sees it, with the answer forms (responders) and the reassign form (dispatchers). */
async function appealPage(
  c: Context<AppEnv>,
  id: number,
  forms: { answer?: AnswerFormState; assign?: { values: FormValues; errors: FieldErrors } } = {},
) {
  const i18n = i18nOf(c);
  const actor = currentStaff(c);
  const [names, appeal] = await Promise.all([
    organisationNames(c.var.db, i18n.locale),
    getAppeal(c.var.db, id, c.var.clock.now()),
  ]);
  const status = forms.answer || forms.assign ? 422 : 200;
  const body = (
    <>
      <Done
        i18n={i18n}
        done={c.req.query('done')}
        keys={{ answered: 'console.appeal.answered', assigned: 'console.appeal.assigned' }}
      />
      <AppealDetailView i18n={i18n} names={names} appeal={appeal} hasBundle={false} />
      <div class="narrow">
        {actor.role === 'responder' &&
          (appeal.departmentId === null ? (
            <p class="notice warn">{i18n.t('console.appeal.notAssigned')}</p>
          ) : (
            <AnswerForms
              i18n={i18n}
              appealId={id}
              departments={names.departments}
              defaultDepartmentId={appeal.departmentId}
              state={forms.answer}
            />
          ))}
        {actor.role !== 'responder' && (
          <ReassignForm
            i18n={i18n}
            names={names}
            appealId={id}
            current={appeal.departmentId}
            values={forms.assign?.values}
            errors={forms.assign?.errors}
          />
        )}
      </div>
    </>
  );
  return renderConsole(c, { title: appeal.title, page: 'queue' }, body, status);
}

/** The responder's queue, the appeal page with the answer forms, and the dispatcher's routing view. */
export const deskPages = new Hono<AppEnv>()
  .get('/staff/queue', requireStaff(...DESK), async (c) => {
    const i18n = i18nOf(c);
    const now = c.var.clock.now();
    const [names, rows] = await Promise.all([
      organisationNames(c.var.db, i18n.locale),
      listQueue(c.var.db, currentStaff(c), QUEUE_LIMIT, now),
    ]);
    const title = i18n.t('console.queue.title');
    return renderConsole(
      c,
      { title, page: 'queue' },
      <>
        <h1>{title}</h1>
        <QueueTable i18n={i18n} names={names} rows={rows} caption={title} />
      </>,
    );
  })
  .get('/staff/routing', requireStaff(...ROUTERS), async (c) => {
    const i18n = i18nOf(c);
    const [names, rows] = await Promise.all([
      organisationNames(c.var.db, i18n.locale),
      listQueue(c.var.db, currentStaff(c), QUEUE_LIMIT, c.var.clock.now()),
    ]);
    // unassigned first; otherwise the queue's own order (overdue, co-signs, deadline)
    const ordered = [...rows].sort(
      (a, b) => Number(a.departmentId !== null) - Number(b.departmentId !== null),
    );
    const title = i18n.t('console.routing.title');
    return renderConsole(
      c,
      { title, page: 'routing' },
      <>
        <h1>{title}</h1>
        <Done i18n={i18n} done={c.req.query('done')} keys={{ assigned: 'console.appeal.assigned' }} />
        <p class="help">{i18n.t('console.routing.intro')}</p>
        <QueueTable
          i18n={i18n}
          names={names}
          rows={ordered}
          caption={title}
          action={(r) => (
            <ReassignForm i18n={i18n} names={names} appealId={r.id} current={r.departmentId} from="routing" />
          )}
        />
      </>,
    );
  })
  .get('/staff/appeals/:id', requireStaff(...DESK), (c) => appealPage(c, appealId(c)))
  .post('/staff/appeals/:id/answers', requireStaff('responder'), async (c) => {
    const id = appealId(c);
    const form = await readForm(c);
    const kind = (form.kind ?? '') as AnswerKind;
    const parsed = AnswerBody.safeParse(answerInput(kind, form));
    if (!parsed.success) {
      const errors = issuesToFields(parsed.error);
      return appealPage(c, id, { answer: { kind, values: form, errors } });
    }
    try {
      await answerAppeal(c.var.db, currentStaff(c), id, parsed.data, c.var.clock.now());
    } catch (e) {
      const field = e instanceof AppError ? fieldOfCode[e.code] : undefined;
      if (!field) throw e;
      const name =
        field[0] === 'date' ? (kind === 'solvable' ? 'dueDate' : 'nextUpdate') : 'ownerDepartmentId';
      return appealPage(c, id, { answer: { kind, values: form, errors: { [name]: field[1] } } });
    }
    return c.redirect(i18nOf(c).href(`/staff/appeals/${id}`, { done: 'answered' }), 303);
  })
  .post('/staff/appeals/:id/assignment', requireStaff(...ROUTERS), async (c) => {
    const id = appealId(c);
    const form = await readForm(c);
    const input = {
      departmentId: idOf(form.departmentId),
      reason: form.reason,
    };
    const parsed = AssignBody.safeParse(input);
    if (!parsed.success)
      return appealPage(c, id, { assign: { values: form, errors: issuesToFields(parsed.error) } });
    const actor = currentStaff(c);
    await assignAppeal(c.var.db, actor, id, parsed.data, c.var.clock.now());
    const back = form.from === 'routing' ? '/staff/routing' : `/staff/appeals/${id}`;
    return c.redirect(i18nOf(c).href(back, { done: 'assigned' }), 303);
  });
