import { dayStart } from '../analysis.js';
import { weekdayOf } from '../bursts/burst-detector.js';
import { CONCERNS, type Concern, phrase, seededRandom } from './synthetic-posts.js';

/** A burst put into the stream: the truth alerts are scored against. */
export interface InjectedBurst {
  id: number;
  concern: string;
  /** Bureau day numbers, inclusive. */
  start: number;
  end: number;
  /** Rate during the burst over the concern's baseline rate (≥ 3). */
  multiplier: number;
  /** Items added on top of the baseline. */
  injected: number;
}

export interface LabelledPost {
  id: number;
  time: number;
  day: number;
  text: string;
  category: string | null;
  department: string;
  /** Null for noise (posts of no recurring concern). */
  concern: string | null;
}

export interface WarningStreamOptions {
  seed?: number;
  days?: number;
  /** Mean posts a day before weekday and season effects. */
  perDay?: number;
  bursts?: number;
  /** Share of posts that belong to no concern. */
  noise?: number;
  firstDay?: number;
}

// Mon … Sun: workers write more on weekdays, a shift-worker bureau still writes at weekends
const WEEKDAY = [1.15, 1.1, 1.05, 1.05, 1.0, 0.85, 0.8];
const DEPARTMENT: Record<string, string> = {
  pay: '劳动和卫生处',
  commuting: '通勤班车队',
  housing: '房产管理处',
  'medical-insurance': '医疗保险办公室',
  canteen: '职工食堂',
  'rosters-leave': '人事处',
  safety: '安全监察室',
  'training-promotion': '人事处',
};
const OTHER_DEPARTMENTS = ['机务段', '客运段', '中心站', '工会'];
const FILLERS = [
  '',
  '',
  '',
  '。我们车间很多人都有这个想法',
  '。这个问题反映过好几次了',
  '。不知道该找哪个部门',
  '。麻烦转给相关部门',
];
// posts of no recurring concern: thanks, one-off questions, mixed remarks
const NOISE = [
  '感谢工会送来的慰问品',
  '车间主任工作很负责，点个赞',
  '请问退休手续需要准备哪些材料',
  '希望多组织一些文体活动',
  '办公室的打印机坏了很久了',
  '建议在站台增加垃圾桶',
  '职工之家的书太旧了，希望更新',
  '孩子入托的事情能不能帮忙协调',
  '单位的网速太慢了',
  '会议太多，影响正常工作',
];

/**
 * A seeded year of worker posts with a weekly rhythm, a slow seasonal drift, concerns of very different
 * volume, phrasing variety, noise, and bursts of known start, length (2–5 days) and size (3–6× the
 * concern's baseline) — the truth `npm run eval:warning` scores alerts against. Bursts start after six
 * weeks (the detector needs a baseline) and never overlap on one concern.
 * @example const { posts, bursts } = warningStream({ seed: 7 })
 */
export function warningStream(opts: WarningStreamOptions = {}) {
  const { seed = 2026, days = 365, perDay = 300, bursts: burstCount = 24, noise = 0.08 } = opts;
  const firstDay = opts.firstDay ?? 20_089; // 2025-01-01
  const random = seededRandom(seed);
  // concern volumes spread over an order of magnitude, as real ones do
  const weights = CONCERNS.map(() => Math.exp((random() - 0.5) * 2.4));
  const total = weights.reduce((a, b) => a + b, 0);
  const rates = weights.map((w) => (w / total) * perDay * (1 - noise));
  const bursts = plantBursts(random, rates, firstDay, days, burstCount);

  const posts: LabelledPost[] = [];
  for (let day = firstDay; day < firstDay + days; day++) {
    const level = WEEKDAY[weekdayOf(day)]! * (1 + 0.15 * Math.sin((2 * Math.PI * (day - firstDay)) / days));
    const today: { concern: Concern | null; text?: string }[] = [];
    CONCERNS.forEach((concern, k) => {
      const burst = bursts.find((b) => b.concern === concern.key && day >= b.start && day <= b.end);
      const base = poisson(random, rates[k]! * level);
      const extra = burst ? poisson(random, rates[k]! * level * (burst.multiplier - 1)) : 0;
      if (burst) burst.injected += extra;
      for (let i = 0; i < base + extra; i++) today.push({ concern });
    });
    const noisy = poisson(random, perDay * noise * level);
    for (let i = 0; i < noisy; i++) today.push({ concern: null, text: pick(random, NOISE) });
    for (const p of shuffle(random, today)) {
      const text = p.concern ? phrase(p.concern, random) + pick(random, FILLERS) : p.text!;
      const own = p.concern?.category ?? 'other';
      const r = random();
      posts.push({
        id: posts.length + 1,
        time: dayStart(day) + Math.floor(random() * 86_400_000),
        day,
        text,
        // most workers pick a category; some leave it to the text
        category: r < 0.75 ? own : r < 0.9 ? null : 'other',
        department: random() < 0.8 ? (DEPARTMENT[own] ?? '工会') : pick(random, OTHER_DEPARTMENTS),
        concern: p.concern?.key ?? null,
      });
    }
  }
  posts.sort((a, b) => a.time - b.time || a.id - b.id);
  return { posts, bursts, firstDay, days };
}

function plantBursts(random: () => number, rates: number[], firstDay: number, days: number, n: number) {
  const bursts: InjectedBurst[] = [];
  for (let tries = 0; bursts.length < n && tries < n * 50; tries++) {
    const k = Math.floor(random() * CONCERNS.length);
    const start = firstDay + 42 + Math.floor(random() * (days - 49));
    const end = start + 1 + Math.floor(random() * 4);
    const concern = CONCERNS[k]!.key;
    // a 3× rise of a concern with one post a day is six posts: not an alert anyone could defend
    if (rates[k]! < 3) continue;
    if (bursts.some((b) => b.concern === concern && start <= b.end + 35 && end >= b.start - 35)) continue;
    bursts.push({ id: bursts.length + 1, concern, start, end, multiplier: 3 + random() * 3, injected: 0 });
  }
  return bursts.sort((a, b) => a.start - b.start);
}

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

function shuffle<T>(random: () => number, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Poisson sample: Knuth's product method for small means, a rounded normal beyond 30. */
function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const g = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + g * Math.sqrt(mean)));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}
