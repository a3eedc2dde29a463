/**
 * A seeded generator of worker posts for benchmarks and end-to-end tests: each concern is a set of
 * interchangeable openings, cores and endings, so one concern yields many phrasings. Not a model of real
 * traffic (no weekly rhythm or injected bursts yet); it gives text of realistic length and vocabulary.
 */
export interface Concern {
  key: string;
  category: string;
  openings: readonly string[];
  cores: readonly string[];
  endings: readonly string[];
}

const POLITE = ['', '请问', '想反映一下，', '领导好，', '希望领导重视：'];
const CLOSING = ['', '，希望尽快解决', '，谢谢', '，盼复', '，大家意见很大', '。'];

export const CONCERNS: readonly Concern[] = [
  c(
    'bus-early',
    'commuting',
    ['去机务段的', '早上', '通勤'],
    ['班车发车太早', '班车发车时间过早', '通勤车发车太早了'],
    ['倒班职工赶不上', '夜班下来来不及', ''],
  ),
  c(
    'bus-crowded',
    'commuting',
    ['下班的', '晚上的', ''],
    ['班车太挤', '班车人太多', '通勤车拥挤'],
    ['经常没有座位', '站一路很累', '能不能加一辆车'],
  ),
  c(
    'bus-stop',
    'commuting',
    ['新小区', '南站附近', ''],
    ['没有班车站点', '班车不停靠', '班车站点太远'],
    ['希望增设停靠点', '走过去要半小时', ''],
  ),
  c(
    'pay-plan',
    'pay',
    ['今年的', '路局', '劳卫处'],
    ['调资方案什么时候公布', '调资方案迟迟不公布', '调资方案啥时候出来'],
    ['大家都在等', '职工心里没底', ''],
  ),
  c(
    'night-allowance',
    'pay',
    ['', '乘务员的', '机务段'],
    ['夜班补贴标准多年没调整', '夜班补贴太低', '夜班补贴好几年没涨'],
    ['物价都涨了', '希望提高标准', ''],
  ),
  c(
    'overtime-pay',
    'pay',
    ['节假日', '春节', '国庆'],
    ['加班费没有按规定发放', '加班费到现在还没发', '加班费计算不对'],
    ['少发了好几百', '', '请核实'],
  ),
  c(
    'housing-fund',
    'pay',
    ['', '今年', '职工'],
    ['公积金缴存基数调整了吗', '公积金基数一直没调', '公积金缴存比例太低'],
    ['', '和外单位差距大', ''],
  ),
  c(
    'hot-water',
    'housing',
    ['单身', '待乘', ''],
    ['公寓热水经常停', '公寓热水供应不正常', '宿舍热水时有时无'],
    ['夜班回来洗不了澡', '下班后没法洗澡', ''],
  ),
  c(
    'rent',
    'housing',
    ['单身', '', '年轻职工的'],
    ['公寓房租又涨了', '公寓租金上涨', '宿舍房租太贵'],
    ['负担太重', '工资低住不起', ''],
  ),
  c(
    'housing-subsidy',
    'housing',
    ['', '新职工', '今年'],
    ['住房补贴什么时候发放', '房补一直没到账', '住房补贴标准太低'],
    ['', '租房压力大', ''],
  ),
  c(
    'remote-care',
    'medical-insurance',
    ['在外地', '异地', ''],
    ['就医报销流程太复杂', '看病医保报销很麻烦', '就医备案手续繁琐'],
    ['跑了好几趟', '报销要跑几次', ''],
  ),
  c(
    'reimburse-ratio',
    'medical-insurance',
    ['', '大病', '住院'],
    ['医保报销比例太低', '报销比例偏低', '自付部分太多'],
    ['负担太重', '看不起病', ''],
  ),
  c(
    'checkup',
    'medical-insurance',
    ['每年', '', '职工'],
    ['体检项目太少', '体检走过场', '体检没有肿瘤筛查'],
    ['希望增加项目', '', ''],
  ),
  c(
    'canteen-price',
    'canteen',
    ['职工', '段里', ''],
    ['食堂饭菜太贵', '食堂涨价了', '食堂的菜越来越贵'],
    ['分量还少', '餐补不够吃', '一份盒饭要二十多块'],
  ),
  c(
    'night-food',
    'canteen',
    ['夜班', '半夜', ''],
    ['食堂已经关门', '没有夜餐供应', '吃不上热饭'],
    ['只能吃泡面', '希望提供夜餐', ''],
  ),
  c(
    'annual-leave',
    'rosters-leave',
    ['客运段', '乘务员', ''],
    ['年休假休不了', '年休假一直批不下来', '连续几年没休过年休假'],
    ['人手不够', '', ''],
  ),
  c(
    'overwork',
    'rosters-leave',
    ['乘务员', '动车组', ''],
    ['连续出乘超劳严重', '值乘时间太长', '排班不合理连续夜班'],
    ['十几个小时没休息', '身体吃不消', ''],
  ),
  c(
    'roster-change',
    'rosters-leave',
    ['车间', '', '工区'],
    ['四班三运转改成三班倒', '倒班方式改了', '排班调整没有征求意见'],
    ['休息时间少了', '', ''],
  ),
  c(
    'ppe',
    'safety',
    ['今年的', '', '班组'],
    ['劳保用品发放不及时', '劳保用品还没发', '安全帽破了没换'],
    ['手套也旧了', '', ''],
  ),
  c(
    'lighting',
    'safety',
    ['站场', '咽喉区', ''],
    ['夜间照明不足', '晚上灯光太暗', '照明灯坏了没人修'],
    ['作业有安全隐患', '看不清道岔', ''],
  ),
  c(
    'catenary',
    'safety',
    ['接触网', '', '天窗'],
    ['检修作业防护不到位', '作业时间太短', '作业赶工'],
    ['存在安全隐患', '容易出事', ''],
  ),
  c(
    'exam-schedule',
    'training-promotion',
    ['', '今年', '高级工'],
    ['技能鉴定考试安排在夜班后', '技能鉴定考试和倒班冲突', '技能鉴定考试时间太紧'],
    ['没时间复习', '希望调整日期', ''],
  ),
  c(
    'promotion-quota',
    'training-promotion',
    ['副司机', '', '司机'],
    ['提职考试名额太少', '晋升名额少', '提职等了好几年'],
    ['看不到希望', '', ''],
  ),
  c(
    'training-quality',
    'training-promotion',
    ['', '段里的', '车间'],
    ['培训内容和实际脱节', '培训走过场', '培训安排在休息时间'],
    ['', '效果不好', ''],
  ),
];

function c(key: string, category: string, openings: string[], cores: string[], endings: string[]): Concern {
  return { key, category, openings, cores, endings };
}

/** A seeded PRNG (mulberry32): the same seed gives the same stream on every machine. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One post about `concern`, in one of its phrasings.
 * @example const random = seededRandom(1); phrase(CONCERNS[0], random) // '请问去机务段的班车发车太早，倒班职工赶不上'
 */
export function phrase(concern: Concern, random: () => number): string {
  const pick = (xs: readonly string[]) => xs[Math.floor(random() * xs.length)]!;
  const ending = pick(concern.endings);
  return `${pick(POLITE)}${pick(concern.openings)}${pick(concern.cores)}${ending ? `，${ending}` : ''}${pick(CLOSING)}`;
}

/** `count` posts with their concern, concerns drawn uniformly. */
export function syntheticPosts(count: number, seed = 1) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const concern = CONCERNS[Math.floor(random() * CONCERNS.length)]!;
    return { id: i + 1, concern: concern.key, category: concern.category, text: phrase(concern, random) };
  });
}
