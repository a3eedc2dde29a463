/**
 * Demo appeals of the railway bureau, each with the life it goes through (see demo-appeals.ts). The texts
 * are invented but typical of what workers of a railway bureau raise.
 */
export type DemoLife =
  | 'waiting'
  | 'unrouted'
  | 'reassigned'
  | 'late'
  | 'late-then-answered'
  | 'solve-open'
  | 'solve-kept-satisfied'
  | 'solve-late'
  | 'solve-partly-autoclosed'
  | 'not-yet-open'
  | 'not-yet-then-solved'
  | 'policy-satisfied'
  | 'policy-autoclosed'
  | 'policy-answered'
  | 'reopened'
  | 'reopened-final'
  | 'withdrawn';

export interface DemoAppeal {
  category: string;
  title: string;
  body: string;
  // days before the seeding moment that it was posted
  daysAgo: number;
  life: DemoLife;
  cosigns: number;
}

export const demoAppeals: DemoAppeal[] = [
  {
    category: 'pay',
    title: '夜班补贴标准多年未调整',
    body: '我们车间夜班补贴还是每晚 25 元，这个标准好几年没动过了，物价涨了不少。请问今年有没有调整计划？',
    daysAgo: 58,
    life: 'solve-kept-satisfied',
    cosigns: 41,
  },
  {
    category: 'pay',
    title: '高温津贴什么时候发放',
    body: '去年 7 月到 9 月的高温津贴到现在还没有发，工资条上也看不到这一项，请劳资部门说明发放时间。',
    daysAgo: 55,
    life: 'solve-late',
    cosigns: 23,
  },
  {
    category: 'pay',
    title: '绩效工资考核细则不公开',
    body: '车间绩效工资的考核细则从来没有公布过，每个月扣分也不告诉原因。希望把 KPI 考核办法公开。',
    daysAgo: 9,
    life: 'reopened',
    cosigns: 37,
  },
  {
    category: 'pay',
    title: '加班费计算基数是怎么定的',
    body: '春运期间连续加班，加班费按基本工资算还是按岗位工资算？请给出依据。',
    daysAgo: 30,
    life: 'policy-satisfied',
    cosigns: 12,
  },
  {
    category: 'pay',
    title: '今年岗位工资调整是怎么算的',
    body: '听说今年岗位工资要调整，但不同工种涨幅差别很大，能否把计算办法讲清楚？',
    daysAgo: 6,
    life: 'waiting',
    cosigns: 19,
  },
  {
    category: 'commuting',
    title: '早班通勤班车发车太早',
    body: '机务段早班通勤班车 5:10 从市区发车，倒班职工根本赶不上，只能打车，一个月多花好几百。能否调整到 5:40？',
    daysAgo: 57,
    life: 'not-yet-then-solved',
    cosigns: 52,
  },
  {
    category: 'commuting',
    title: '通勤班车座位不够，经常站一路',
    body: '南线通勤班车每天早上都超员，很多人站一个多小时到段里，存在安全隐患，建议加开一辆。',
    daysAgo: 40,
    life: 'solve-open',
    cosigns: 33,
  },
  {
    category: 'commuting',
    title: '夜班下班后没有通勤车',
    body: '客运段夜班凌晨 2 点下班，既没有班车也打不到车，希望能安排夜间通勤。',
    daysAgo: 25,
    life: 'late-then-answered',
    cosigns: 28,
  },
  {
    category: 'commuting',
    title: '通勤补贴能否按实际距离发',
    body: '住得远的职工每天通勤 60 多公里，补贴却和住得近的一样，建议按距离分档。',
    daysAgo: 14,
    life: 'late',
    cosigns: 15,
  },
  {
    category: 'housing',
    title: '单身公寓排队三年还没轮到',
    body: '入路三年一直在排单身公寓，排名每年都在变，想知道排队规则和目前的名次怎么查。',
    daysAgo: 59,
    life: 'policy-autoclosed',
    cosigns: 20,
  },
  {
    category: 'housing',
    title: '公寓热水器坏了一个月没人修',
    body: '职工公寓 3 号楼四层的热水器坏了一个多月，报修好几次都没人来，冬天只能用冷水。',
    daysAgo: 48,
    life: 'solve-kept-satisfied',
    cosigns: 9,
  },
  {
    category: 'housing',
    title: '住房补贴申请材料太多',
    body: '申请住房补贴要开七八个证明，倒班职工根本没时间跑，能否简化流程或者网上办理？',
    daysAgo: 35,
    life: 'not-yet-open',
    cosigns: 26,
  },
  {
    category: 'housing',
    title: '宿舍能否允许家属短期探亲入住',
    body: '家属来探亲只能住外面的宾馆，希望公寓能开放几间探亲房。',
    daysAgo: 20,
    life: 'reopened-final',
    cosigns: 14,
  },
  {
    category: 'housing',
    title: '公寓网络太慢',
    body: '公寓的宽带晚上基本用不了，视频都打不开，能否升级成 5G 或者千兆宽带？',
    daysAgo: 3,
    life: 'unrouted',
    cosigns: 8,
  },
  {
    category: 'medical-insurance',
    title: '异地就医报销比例太低',
    body: '家在外省，父母在老家看病，异地就医报销比例比本地低很多，还要先垫付，能否提高比例？',
    daysAgo: 52,
    life: 'policy-satisfied',
    cosigns: 30,
  },
  {
    category: 'medical-insurance',
    title: '补充医疗保险报销太慢',
    body: '补充医疗保险的报销材料交上去三个月了还没到账，也查不到进度。',
    daysAgo: 46,
    life: 'solve-partly-autoclosed',
    cosigns: 22,
  },
  {
    category: 'medical-insurance',
    title: '职工体检项目能否增加',
    body: '每年体检项目太少，长期接触噪声的岗位没有听力检查，希望增加针对性项目。',
    daysAgo: 33,
    life: 'solve-open',
    cosigns: 35,
  },
  {
    category: 'medical-insurance',
    title: '医保卡在段里的药店不能用',
    body: '段里医务室旁边的药店刷不了医保卡，只能去很远的地方买药。',
    daysAgo: 9,
    life: 'withdrawn',
    cosigns: 2,
  },
  {
    category: 'canteen',
    title: '夜班食堂饭菜是凉的',
    body: '夜班吃饭时间食堂的菜都是中午剩下的，端上来是凉的，希望夜班能现做。',
    daysAgo: 50,
    life: 'solve-kept-satisfied',
    cosigns: 44,
  },
  {
    category: 'canteen',
    title: '食堂价格上涨但分量变少',
    body: '最近食堂一份菜涨了两块钱，分量反而少了，请公开伙食成本。',
    daysAgo: 7,
    life: 'reopened',
    cosigns: 31,
  },
  {
    category: 'canteen',
    title: '希望食堂增加清真窗口',
    body: '段里少数民族职工不少，目前没有清真窗口，吃饭很不方便。',
    daysAgo: 27,
    life: 'not-yet-open',
    cosigns: 11,
  },
  {
    category: 'canteen',
    title: '乘务员出乘时能否提供餐盒',
    body: '出乘前赶不上食堂开饭，能否提前预订餐盒带上车？',
    daysAgo: 2,
    life: 'waiting',
    cosigns: 6,
  },
  {
    category: 'rosters-leave',
    title: '年休假总是批不下来',
    body: '申请年休假总说人手不够，一年到头休不了几天，年底也不给补偿。',
    daysAgo: 10,
    life: 'policy-answered',
    cosigns: 38,
  },
  {
    category: 'rosters-leave',
    title: '四班三运转改成三班倒太累',
    body: '车间从四班三运转改成三班倒以后，连续夜班太多，身体吃不消，希望恢复原来的排班。',
    daysAgo: 42,
    life: 'late',
    cosigns: 47,
  },
  {
    category: 'rosters-leave',
    title: '探亲假路程时间怎么算',
    body: '探亲假的路程假是按实际路程算还是固定天数？每次请假说法都不一样。',
    daysAgo: 29,
    life: 'policy-autoclosed',
    cosigns: 5,
  },
  {
    category: 'rosters-leave',
    title: '排班表能否提前一周公布',
    body: '排班表经常前一天才出来，家里有事根本没法安排，希望至少提前一周公布。',
    daysAgo: 11,
    life: 'reassigned',
    cosigns: 24,
  },
  {
    category: 'safety',
    title: '站台防护栏松动',
    body: '中心站 5 号站台东端防护栏松动，晚上接车时很危险，已经有同事差点摔倒。',
    daysAgo: 49,
    life: 'solve-kept-satisfied',
    cosigns: 17,
  },
  {
    category: 'safety',
    title: '检修库照明不足',
    body: '机务段检修库地沟照明不够，钻地沟检查时看不清，建议更换 LED 灯。',
    daysAgo: 36,
    life: 'solve-late',
    cosigns: 21,
  },
  {
    category: 'safety',
    title: '劳保鞋质量太差',
    body: '今年发的劳保鞋穿两个月就开胶，防砸性能也让人担心，请检查采购质量。',
    daysAgo: 18,
    life: 'not-yet-then-solved',
    cosigns: 29,
  },
  {
    category: 'safety',
    title: '冬季道岔除雪人手不够',
    body: '下大雪时道岔除雪全靠人工，每个班就两三个人，建议配备除雪设备。',
    daysAgo: 1,
    life: 'waiting',
    cosigns: 13,
  },
  {
    category: 'training-promotion',
    title: '技能鉴定考试信息不透明',
    body: '技能鉴定考试什么时候报名、考哪些内容，都是口头通知，很多人错过了。',
    daysAgo: 53,
    life: 'policy-satisfied',
    cosigns: 16,
  },
  {
    category: 'training-promotion',
    title: '动车组司机培训名额怎么分配',
    body: '动车组司机培训名额每年就几个，分配标准不清楚，希望公开选拔条件。',
    daysAgo: 39,
    life: 'reopened-final',
    cosigns: 27,
  },
  {
    category: 'training-promotion',
    title: '夜校培训时间和倒班冲突',
    body: '安排的培训都在白天，倒班职工上完夜班还要去听课，能否录成视频？',
    daysAgo: 16,
    life: 'solve-open',
    cosigns: 10,
  },
  {
    category: 'other',
    title: '职工活动室晚上不开放',
    body: '活动室只在白天开放，倒班职工下了班想去锻炼都进不去。',
    daysAgo: 45,
    life: 'solve-partly-autoclosed',
    cosigns: 7,
  },
  {
    category: 'other',
    title: '工会会员福利发放标准',
    body: '工会过节发的福利各车间不一样，想了解统一的标准是什么。',
    daysAgo: 7,
    life: 'policy-answered',
    cosigns: 4,
  },
  {
    category: 'other',
    title: '希望开通职工心理咨询热线',
    body: '一线工作压力大，希望工会能开通心理咨询热线，并保证保密。',
    daysAgo: 1,
    life: 'waiting',
    cosigns: 3,
  },
];
