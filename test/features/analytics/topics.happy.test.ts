import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../../src/features/analytics/text/segmenter.js';
import { sentimentOf } from '../../../src/features/analytics/text/sentiment.js';
import { DocumentFrequency, termVector } from '../../../src/features/analytics/text/tfidf.js';
import { categoryScores } from '../../../src/features/analytics/topics/category-scores.js';
import { TopicClusterer, topicLabel } from '../../../src/features/analytics/topics/topic-clusters.js';
import { HELD_OUT } from './fixtures/held-out.fixture.js';
import { pairMetrics } from './fixtures/pair-metrics.js';
import { POSTS } from './fixtures/posts.fixture.js';

const seg = createSegmenter();

describe('category scores', () => {
  it('puts each fixture post first in its own category', () => {
    const all = [...POSTS, ...HELD_OUT];
    const wrong = all.filter((p) => categoryScores(seg.terms(p.text))[0]?.slug !== p.category);
    console.info(
      `[metrics] category top-1: ${all.length - wrong.length}/${all.length} (lexicon written with both fixtures in view)`,
    );
    expect(wrong.map((p) => p.id)).toEqual([]);
  });

  it('splits a post that touches two categories and sums to 1', () => {
    const scores = categoryScores(seg.terms('夜班回来食堂关门，公寓热水也停了'));
    expect(
      scores
        .map((s) => s.slug)
        .slice(0, 2)
        .sort(),
    ).toEqual(['canteen', 'housing']);
    expect(scores.reduce((a, s) => a + s.score, 0)).toBeCloseTo(1, 10);
  });

  it('gives no category rather than a guess when no term points anywhere', () => {
    expect(categoryScores(seg.terms('你好，请问一下'))).toEqual([]);
  });
});

describe('lexicon sentiment', () => {
  it.each([
    ['食堂饭菜太贵，分量不够', -1],
    ['班车太挤，站一路很累', -1],
    ['新班车很方便，感谢后勤', 1],
    ['食堂改善以后饭菜好吃了，点赞', 1],
    ['夜班补贴发放不及时', -1],
    ['请问年休假怎么申请', 0],
  ])('%s → sign %i', (text, sign) => {
    expect(Math.sign(sentimentOf(seg.words(text)).score)).toBe(sign);
  });

  it('lets a negator flip a word and an intensifier strengthen it', () => {
    expect(sentimentOf(['不', '方便']).score).toBeLessThan(0);
    expect(sentimentOf(['非常', '满意']).score).toBeGreaterThan(sentimentOf(['满意']).score);
  });
});

describe('incremental topic clustering', () => {
  function clusterFixture() {
    const df = new DocumentFrequency();
    for (const p of POSTS) df.add(seg.terms(p.text));
    const clusterer = new TopicClusterer();
    const topicOf = POSTS.map(
      (p, i) =>
        clusterer.add({
          id: i + 1,
          vector: termVector(seg.terms(p.text), df),
          day: 20_000 + (i % 3),
          departmentId: p.category === 'commuting' ? 13 : 2,
          categorySlug: p.category,
          sentiment: sentimentOf(seg.words(p.text)).score,
          cosigns: 1,
        }).key,
    );
    return { clusterer, topicOf };
  }

  it('gathers the early-bus rephrasings in one topic labelled by its top terms', () => {
    const { clusterer, topicOf } = clusterFixture();
    const topic = clusterer.topics().find((t) => t.key === topicOf[0])!;
    expect(topic.itemIds).toEqual([1, 2, 3, 4]);
    expect(topicLabel(topic)).toEqual(expect.arrayContaining(['班车', '早']));
    expect(Object.fromEntries(topic.perDay)).toEqual({ 20000: 2, 20001: 1, 20002: 1 });
    expect(Object.fromEntries(topic.departments)).toEqual({ 13: 4 });
    expect(topic.sentimentSum / topic.itemIds.length).toBeLessThan(0);
    expect(topic.cosigns).toBe(4);
  });

  it('agrees with the labelled groups: pair precision ≥ 0.9, recall ≥ 0.9', () => {
    const { topicOf } = clusterFixture();
    const m = pairMetrics(POSTS, (i, j) => topicOf[i] === topicOf[j]);
    console.info('[metrics] fixture, single-pass topic clustering 0.25:', m);
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('names each topic by the key of its first item, so a rebuild in the same order gives the same keys', () => {
    const a = clusterFixture().topicOf;
    const b = clusterFixture().topicOf;
    expect(a).toEqual(b);
    expect(a[0]).toBe(1);
  });
});
