import { describe, expect, it } from 'vitest';
import { DOMAIN_TERMS } from '../../../src/features/analytics/text/domain.lexicon.js';
import { createSegmenter, mergeDomainTerms } from '../../../src/features/analytics/text/segmenter.js';
import { STOP_WORDS } from '../../../src/features/analytics/text/stop-words.lexicon.js';
import { POSTS } from './fixtures/posts.fixture.js';

const seg = createSegmenter();
const icu = new Intl.Segmenter('zh', { granularity: 'word' });
const icuWords = (text: string) => [...icu.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

describe('Chinese segmentation with the domain dictionary', () => {
  it.each([
    ['路局劳卫处今年调资方案什么时候公布', ['路局', '劳卫处', '调资']],
    ['医保报销比例太低，异地就医很麻烦', ['医保', '异地就医']],
    ['客运段乘务员年休假休不了', ['客运段', '乘务员', '年休假']],
    ['班车太早，倒班职工赶不上', ['班车', '倒班']],
    ['公积金缴存基数调整了吗', ['公积金', '缴存']],
    ['动车组列车乘务员排班不合理，连续夜班', ['动车组', '乘务员', '夜班']],
    ['四班三运转改成三班倒以后休息少了', ['四班三运转', '三班倒']],
    ['单身公寓热水供应不正常', ['单身公寓']],
  ])('keeps the domain words of %s whole', (text, expected) => {
    const words = seg.words(text);
    for (const w of expected) expect(words, `${w} in ${words.join('|')}`).toContain(w);
  });

  it('fixes what Intl.Segmenter alone splits (the reason the dictionary exists)', () => {
    expect(icuWords('路局劳卫处调资')).toEqual(['路', '局', '劳', '卫', '处', '调', '资']);
    expect(seg.words('路局劳卫处调资')).toEqual(['路局', '劳卫处', '调资']);
  });

  it('cuts a long term out even when ICU glues its edge to a neighbour', () => {
    // ICU alone reads 没休过年休假 as 没|休|过年|休假: "did not rest over New Year"
    expect(icuWords('乘务员连续三年没休过年休假')).toContain('过年');
    expect(seg.words('乘务员连续三年没休过年休假')).toContain('年休假');
  });

  it('never joins across punctuation', () => {
    expect(mergeDomainTerms(['医', '', '保'], new Set(['医保']), 2)).toEqual(['医', '', '保']);
    expect(seg.words('看病要找医，保险另说')).not.toContain('医保');
  });

  it('folds synonyms and drops stop words, numbers and counted amounts', () => {
    expect(seg.terms('去机务段的班车发车太早')).toEqual(['机务段', '班车', '发车', '早']);
    expect(seg.terms('通勤车太挤了')).toEqual(['班车', '挤']);
    expect(seg.terms('宿舍热水停了三天')).toEqual(['公寓', '热水', '停']);
    expect(seg.terms('等了２０２６年，好几趟都白跑')).not.toContain('2026');
  });

  it('normalises full-width Latin and digits', () => {
    expect(seg.words('ＣＲＨ３８０动车组')).toEqual(['crh380', '动车组']);
  });

  it('takes admins’ extra terms and synonyms', () => {
    const custom = createSegmenter({ extraTerms: ['调图'], extraSynonyms: { 调图: '运行图调整' } });
    expect(seg.words('下个月调图')).not.toContain('调图');
    expect(custom.terms('下个月调图')).toContain('运行图调整');
  });

  it('every built-in domain term survives segmentation on its own', () => {
    const broken = DOMAIN_TERMS.filter((t) => seg.words(t).join('|') !== t);
    expect(broken).toEqual([]);
  });

  it('leaves no stop word and no punctuation among the terms of the fixture posts', () => {
    for (const p of POSTS) {
      for (const t of seg.terms(p.text)) {
        expect(STOP_WORDS.has(t), `${t} in ${p.id}`).toBe(false);
        expect(t, p.id).not.toMatch(/[\p{P}\s]/u);
      }
    }
  });
});
