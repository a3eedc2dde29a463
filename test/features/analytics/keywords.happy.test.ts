import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../../src/features/analytics/text/segmenter.js';
import {
  cosine,
  DocumentFrequency,
  keywords,
  termVector,
} from '../../../src/features/analytics/text/tfidf.js';
import { SUBJECT_TERMS } from '../../../src/features/analytics/topics/subject-terms.js';
import { POSTS } from './fixtures/posts.fixture.js';

const seg = createSegmenter();
const corpus = () => {
  const df = new DocumentFrequency();
  for (const p of POSTS) df.add(seg.terms(p.text));
  return df;
};

describe('TF-IDF keywords against the corpus', () => {
  it('weighs a rare term above a term every post shares', () => {
    const df = new DocumentFrequency();
    df.add(['班车', '早']);
    df.add(['班车', '挤']);
    df.add(['班车', '座位']);
    expect(df.idf('早')).toBeGreaterThan(df.idf('班车'));
    expect(df.idf('没见过')).toBeGreaterThan(df.idf('早'));
    expect(df.idf('班车')).toBeGreaterThan(0);
  });

  it.each([
    ['p2', '调资'],
    ['m1', '异地就医'],
    ['r1', '年休假'],
    ['s1', '劳保'],
    ['t1', '技能鉴定'],
    ['h1', '热水'],
  ])(
    'finds the subject of %s among its top three keywords (%s) with subject words boosted',
    (id, subject) => {
      const df = corpus();
      const post = POSTS.find((p) => p.id === id)!;
      const top = keywords(seg.terms(post.text), df, 3, { boost: SUBJECT_TERMS }).map((k) => k.term);
      expect(top, `${post.text} → ${top.join(',')}`).toContain(subject);
    },
  );

  it('without the boost ranks by rarity alone, which on a small corpus favours incidental words', () => {
    const df = corpus();
    const [first] = keywords(seg.terms('异地就医报销流程太复杂，跑了好几趟'), df, 1);
    expect(first?.term).not.toBe('异地就医');
  });

  it('never offers a stop word, a number or punctuation as a keyword', () => {
    const df = corpus();
    const all = POSTS.flatMap((p) => keywords(seg.terms(p.text), df, 5).map((k) => k.term));
    for (const bad of ['的', '了', '职工', '希望', '什么时候', '，', '三年', '20'])
      expect(all).not.toContain(bad);
  });

  it('gives unit-length vectors, so cosine is a dot product in 0…1', () => {
    const df = corpus();
    const a = termVector(seg.terms('去机务段的班车发车太早'), df);
    const b = termVector(seg.terms('机务段通勤班车早上发车时间太早了'), df);
    expect(cosine(a, a)).toBeCloseTo(1, 10);
    expect(cosine(a, b)).toBeGreaterThan(0.5);
    expect(cosine(a, termVector(seg.terms('食堂饭菜太贵'), df))).toBe(0);
  });

  it('stores and restores the document-frequency table', () => {
    const df = corpus();
    const back = DocumentFrequency.fromJSON(JSON.parse(JSON.stringify(df)));
    expect(back.docs).toBe(POSTS.length);
    expect(back.idf('调资')).toBe(df.idf('调资'));
  });
});
