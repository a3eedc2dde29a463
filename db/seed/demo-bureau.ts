/** The demo bureau: a regional railway bureau's departments (with hierarchy) and the appeal categories. */
export const demoDepartments = [
  { slug: 'bureau', nameZh: '铁路局', nameEn: 'Railway Bureau', parent: null },
  {
    slug: 'labour-wages',
    nameZh: '劳动和卫生处',
    nameEn: 'Labour, Wages and Health Office',
    parent: 'bureau',
  },
  { slug: 'trade-union', nameZh: '工会', nameEn: 'Trade Union', parent: 'bureau' },
  { slug: 'housing', nameZh: '房产管理处', nameEn: 'Housing Office', parent: 'bureau' },
  {
    slug: 'medical-insurance',
    nameZh: '医疗保险办公室',
    nameEn: 'Medical Insurance Office',
    parent: 'labour-wages',
  },
  { slug: 'personnel', nameZh: '人事处', nameEn: 'Personnel Office', parent: 'bureau' },
  { slug: 'safety', nameZh: '安全监察室', nameEn: 'Safety Supervision Office', parent: 'bureau' },
  { slug: 'logistics', nameZh: '后勤服务中心', nameEn: 'Logistics Service Centre', parent: 'bureau' },
  { slug: 'passenger-depot', nameZh: '客运段', nameEn: 'Passenger Depot', parent: 'bureau' },
  { slug: 'locomotive-depot', nameZh: '机务段', nameEn: 'Locomotive Depot', parent: 'bureau' },
  { slug: 'central-station', nameZh: '中心站', nameEn: 'Central Station', parent: 'bureau' },
  { slug: 'canteen', nameZh: '职工食堂', nameEn: 'Staff Canteen', parent: 'logistics' },
  { slug: 'commuter-bus', nameZh: '通勤班车队', nameEn: 'Commuter Bus Team', parent: 'logistics' },
] as const;

export const demoCategories = [
  { slug: 'pay', nameZh: '工资待遇', nameEn: 'Pay', department: 'labour-wages', answerDays: 5 },
  { slug: 'commuting', nameZh: '通勤班车', nameEn: 'Commuting', department: 'commuter-bus', answerDays: 5 },
  { slug: 'housing', nameZh: '住房公寓', nameEn: 'Housing', department: 'housing', answerDays: 10 },
  {
    slug: 'medical-insurance',
    nameZh: '医疗保险',
    nameEn: 'Medical insurance',
    department: 'medical-insurance',
    answerDays: 5,
  },
  { slug: 'canteen', nameZh: '食堂餐饮', nameEn: 'Canteen', department: 'canteen', answerDays: 3 },
  {
    slug: 'rosters-leave',
    nameZh: '排班休假',
    nameEn: 'Rosters and leave',
    department: 'personnel',
    answerDays: 5,
  },
  { slug: 'safety', nameZh: '安全生产', nameEn: 'Safety', department: 'safety', answerDays: 2 },
  {
    slug: 'training-promotion',
    nameZh: '培训晋升',
    nameEn: 'Training and promotion',
    department: 'personnel',
    answerDays: 10,
  },
  { slug: 'other', nameZh: '其他', nameEn: 'Other', department: 'trade-union', answerDays: 5 },
] as const;
