import { eq } from 'drizzle-orm';
import { categories, departments, explainers } from '../../db/schema/index.js';
import { DAY } from '../../src/platform/clock.js';
import { publishedSurvey } from '../features/surveys/survey-phone.js';
import type { Harness } from '../helpers/harness.js';
import { fetchTokens } from '../helpers/wallet.js';

/**
 * Content for every main page (an appeal, a forum thread with a reply, a survey), posted through the API
 * as phones would; returns the pages by name. Used by the accessibility test and `npm run screenshots`.
 */
export async function mainPages(h: Harness): Promise<Record<string, string>> {
  const tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 4, { batch: true });
  const [commuting] = await h.db.select().from(categories).where(eq(categories.slug, 'commuting'));
  const posted = await h.postJson(
    '/api/v1/appeals',
    { title: '夜班后没有通勤车', body: '夜班 2 点下班，没有班车，只能打车回家。', categoryId: commuting!.id },
    { authorization: tokens[0]! },
  );
  const appeal = (await posted.json()) as { id: number };
  const thread = await h.postJson(
    '/api/v1/forum/threads',
    { title: '大家夜班后怎么回家？', body: '有没有拼车的？' },
    { authorization: tokens[1]! },
  );
  const threadId = ((await thread.json()) as { id: number }).id;
  await h.postJson(
    `/api/v1/forum/threads/${threadId}/replies`,
    { body: '我一般骑电动车。' },
    { authorization: tokens[2]! },
  );
  const surveyId = await publishedSurvey(h);
  const [department] = await h.db.select({ id: departments.id }).from(departments).limit(1);
  const [explainer] = await h.db.select({ id: explainers.id }).from(explainers).limit(1);
  h.clock.advance(DAY / 2);
  return {
    home: '/',
    list: '/appeals',
    detail: `/appeals/${appeal.id}`,
    post: '/post',
    wallet: '/wallet',
    stats: '/stats',
    notices: '/notices',
    forum: '/forum',
    thread: `/forum/threads/${threadId}`,
    surveys: '/surveys',
    survey: `/surveys/${surveyId}`,
    log: '/log',
    explainers: '/explainers',
    ...(explainer ? { explainer: `/explainers/${explainer.id}` } : {}),
    ratings: '/ratings',
    scorecard: `/departments/${department!.id}/scorecard`,
  };
}
