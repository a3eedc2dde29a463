import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { i18nOf } from '../../platform/views/i18n/locale.js';
import { decide } from '../moderation/decisions.service.js';
import { DecisionBody, DecisionParams } from '../moderation/moderation.schemas.js';
import { moderationQueue } from '../moderation/queue.service.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { issuesToFields, readForm } from './console-form.js';
import { renderConsole } from './console-page.js';
import { type DecisionState, ModerationQueueView } from './moderation.views.js';

const MODERATORS = ['moderator', 'admin'] as const;
const QUEUE_LIMIT = 100;

async function queuePage(c: Context<AppEnv>, state?: DecisionState) {
  const i18n = i18nOf(c);
  const items = await moderationQueue(c.var.db, currentStaff(c), QUEUE_LIMIT);
  const view = (
    <ModerationQueueView i18n={i18n} items={items} done={c.req.query('done') === '1'} state={state} />
  );
  return renderConsole(
    c,
    { title: i18n.t('console.mod.title'), page: 'moderation' },
    view,
    state ? 422 : 200,
  );
}

/** The moderation queue and its decisions (keep, hide with a public reason, restore, uphold). */
export const moderationPages = new Hono<AppEnv>()
  .get('/staff/moderation', requireStaff(...MODERATORS), (c) => queuePage(c))
  .post('/staff/moderation/:type/:id/:decision', requireStaff(...MODERATORS), async (c) => {
    const params = DecisionParams.safeParse(c.req.param());
    if (!params.success) throw new AppError('ITEM_NOT_FOUND');
    const { type, id, decision } = params.data;
    const form = await readForm(c);
    const body = DecisionBody.safeParse({ note: form.note, reason: form.reason || undefined });
    const state = (errors: DecisionState['errors']) => ({
      key: `${type}/${id}`,
      decision,
      values: form,
      errors,
    });
    if (!body.success) return queuePage(c, state(issuesToFields(body.error)));
    try {
      await decide(
        { db: c.var.db, now: c.var.clock.now() },
        currentStaff(c),
        { type, id },
        decision,
        body.data,
      );
    } catch (e) {
      // the service's own check that a hiding names a reason
      if (e instanceof AppError && e.code === 'VALIDATION_FAILED')
        return queuePage(c, state({ reason: 'console.field.required' }));
      throw e;
    }
    return c.redirect(i18nOf(c).href('/staff/moderation', { done: 1 }), 303);
  });
