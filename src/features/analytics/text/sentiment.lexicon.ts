/**
 * A small Chinese sentiment lexicon, hand-made for workers' appeals in a railway bureau (no well-kept
 * lexicon package exists on npm for Chinese; the academic ones — HowNet 情感词典, NTUSD, DUTIR 情感词汇本体 —
 * are large, general and under their own licences). Words are in the form `Intl.Segmenter` plus our
 * domain dictionary emits them. Values: −2 strong complaint … +2 strong praise.
 *
 * Scope: complaints are mostly about scarcity, cost, delay and neglect (贵, 不够, 迟迟, 没人修), so the
 * negative side is larger; politeness (谢谢) counts little, because it closes complaints as often as praise.
 */
export const SENTIMENT_WORDS: Readonly<Record<string, number>> = {
  // cost, scarcity, burden
  ...{ 贵: -1, 太贵: -1.5, 偏贵: -1, 涨价: -1, 不够: -1, 不足: -1, 少: -0.5, 太少: -1, 低: -0.5, 太低: -1 },
  ...{ 负担: -1, 太重: -1, 住不起: -2, 吃不上: -1.5, 拖欠: -2, 克扣: -2, 少发: -1.5 },
  // unfairness and process
  ...{ 不合理: -1.5, 不公平: -2, 不公: -2, 不对: -1, 不明白: -0.5, 看不明白: -1, 复杂: -1, 繁琐: -1 },
  ...{ 麻烦: -1, 推诿: -2, 敷衍: -2, 走过场: -1.5, 形式主义: -1.5, 脱节: -1, 没用: -1, 没底: -1 },
  // time and delay
  ...{
    太早: -1,
    太晚: -1,
    晚点: -1,
    拖延: -1.5,
    迟迟: -1,
    赶不上: -1,
    来不及: -1,
    冲突: -1,
    太短: -1,
    太长: -1,
  },
  // neglect and broken things
  ...{ 坏: -1, 坏了: -1, 破: -1, 旧: -0.5, 停: -0.5, 没人修: -1.5, 不正常: -1, 不及时: -1, 不到位: -1.5 },
  ...{
    没法: -1,
    睡不着: -1.5,
    不方便: -1,
    暗: -0.5,
    脏: -1.5,
    乱: -1,
    差: -1.5,
    难吃: -1.5,
    挤: -1,
    拥挤: -1,
  },
  // strain, risk, feeling
  ...{ 累: -1, 太累: -1.5, 疲劳: -1.5, 超劳: -2, 严重: -1, 危险: -2, 隐患: -1.5, 事故: -2, 出事: -2 },
  ...{ 不满: -2, 失望: -2, 寒心: -2, 无奈: -1, 委屈: -1.5, 担心: -1, 发慌: -1, 心里没底: -1, 投诉: -1 },
  // praise and improvement
  ...{ 满意: 2, 点赞: 2, 表扬: 2, 好: 1, 不错: 1, 方便: 1, 及时: 1, 合理: 1, 公平: 1, 公开: 0.5, 透明: 1 },
  ...{ 改善: 1.5, 改进: 1, 解决了: 2, 提高: 0.5, 支持: 1, 暖心: 2, 贴心: 2, 舒适: 1.5, 干净: 1, 实惠: 1.5 },
  ...{ 好吃: 1.5, 放心: 1, 认可: 1, 感谢: 0.5, 谢谢: 0.25, 辛苦了: 1 },
};

/** Flip the polarity of the next sentiment word (within two words): 不 + 及时 is a complaint. */
export const NEGATORS: ReadonlySet<string> = new Set([
  '不',
  '没',
  '没有',
  '未',
  '无',
  '别',
  '不太',
  '很不',
  '并不',
  '从不',
  '毫无',
  '不是',
]);

/** Strengthen the next sentiment word. `很不` both negates and strengthens. */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  太: 1.5,
  很: 1.3,
  非常: 1.5,
  特别: 1.5,
  十分: 1.5,
  极其: 1.8,
  实在: 1.3,
  越来越: 1.3,
  很不: 1.3,
  严重: 1.3,
};
