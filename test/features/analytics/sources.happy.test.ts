import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsTopics, forumThreads, surveyResponses, surveys } from '../../../db/schema/index.js';
import { analyse } from '../../../src/features/analytics/index.js';
import { loadAnalysisItems } from '../../../src/features/analytics/sources.service.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

const BUS = [
  '去机务段的班车发车太早',
  '班车发车时间过早，倒班职工赶不上',
  '通勤车发车太早了，夜班下来来不及',
];

describe('forum posts and survey comments as input to topics', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
    const now = h.clock.now();
    const staff = await h.createStaff({ role: 'analyst' });
    await h.db.insert(forumThreads).values(
      Array.from({ length: 6 }, (_, i) => ({
        id: 1000 + i,
        title: BUS[i % 3]!,
        body: '希望调整班车时间',
        pseudonym: `p${i}`,
        receiptHash: `r${i}`,
        createdAt: now - (i + 1) * DAY,
        publishAt: now - (i + 1) * DAY,
      })),
    );
    const question = { kind: 'text' as const, prompt: '还有什么意见？' };
    const [closed, small] = await h.db
      .insert(surveys)
      .values(
        [6, 2].map((n) => ({
          title: `通勤调查 ${n}`,
          questions: [question],
          opensAt: now - 20 * DAY,
          closesAt: now - DAY,
          kThreshold: 5,
          createdBy: staff.id,
          createdAt: now - 21 * DAY,
        })),
      )
      .returning();
    const answers = (survey: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: survey * 100 + i,
        surveyId: survey,
        answers: [BUS[i % 3]!],
      }));
    await h.db.insert(surveyResponses).values([...answers(closed!.id, 6), ...answers(small!.id, 2)]);
  });
  afterAll(() => h.close());

  it('reads forum threads and the comments of closed surveys that reached k, with ids apart from appeals', async () => {
    const items = await loadAnalysisItems(h.db, h.clock.now());
    const bySource = (s: string) => items.filter((i) => i.source === s);
    expect(bySource('forum-thread')).toHaveLength(6);
    // the survey with 2 responses is below its k of 5: its comments are not read
    expect(bySource('survey-comment')).toHaveLength(6);
    for (const i of [...bySource('forum-thread'), ...bySource('survey-comment')])
      expect(i.id).toBeLessThan(0);
    expect(bySource('survey-comment').every((i) => i.inBursts === false)).toBe(true);
  });

  it('puts them into topics, counted by source, while topic links stay appeals only', async () => {
    const result = await analyse(h.db, h.clock.now());
    expect(result.items).toBe(result.appeals + 12);
    const topics = await h.db.select().from(analyticsTopics);
    const bus = topics.find((t) => (t.sources['forum-thread'] ?? 0) > 0);
    expect(bus, JSON.stringify(topics.map((t) => [t.label, t.sources]))).toBeDefined();
    expect(bus!.label).toContain('班车');
    expect(bus!.sources['survey-comment']).toBeGreaterThan(0);
    for (const t of topics) for (const id of t.appealIds) expect(id).toBeGreaterThan(0);
  });
});
