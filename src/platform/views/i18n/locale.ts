import type { Context } from 'hono';
import { consoleEn } from './console.en.js';
import { consoleZh } from './console.zh-CN.js';
import { explainersEn } from './explainers.en.js';
import { explainersZh } from './explainers.zh-CN.js';
import { postingEn } from './posting.en.js';
import { postingZh } from './posting.zh-CN.js';
import { ratingsEn } from './ratings.en.js';
import { ratingsZh } from './ratings.zh-CN.js';
import { sectionsEn } from './sections.en.js';
import { sectionsZh } from './sections.zh-CN.js';
import { siteEn } from './site.en.js';
import { siteZh } from './site.zh-CN.js';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export type MessageKey =
  | keyof typeof siteZh
  | keyof typeof postingZh
  | keyof typeof sectionsZh
  | keyof typeof consoleZh
  | keyof typeof ratingsZh
  | keyof typeof explainersZh;

const catalogues: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': { ...siteZh, ...postingZh, ...sectionsZh, ...consoleZh, ...ratingsZh, ...explainersZh },
  en: { ...siteEn, ...postingEn, ...sectionsEn, ...consoleEn, ...ratingsEn, ...explainersEn },
};

// readers are in China: dates are China's calendar days whatever the server's zone
const TIME_ZONE = 'Asia/Shanghai';

function fromTag(tag: string): Locale | undefined {
  const primary = tag.trim().toLowerCase().split('-')[0];
  return primary === 'zh' ? 'zh-CN' : primary === 'en' ? 'en' : undefined;
}

/**
 * The page language: `?lang=` when the reader chose one by link (no cookie remembers it, so links carry
 * it on), else the first supported language of Accept-Language by q-value, else Chinese.
 * @example negotiate(undefined, 'en-GB,en;q=0.9') // { locale: 'en', explicit: false }
 */
export function negotiate(query: string | undefined, acceptLanguage: string | undefined) {
  const chosen = query ? fromTag(query) : undefined;
  if (chosen) return { locale: chosen, explicit: true };
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const locale = fromTag(tag);
    if (locale) return { locale, explicit: false };
  }
  return { locale: 'zh-CN' as Locale, explicit: false };
}

const asDate = (v: number | string) =>
  typeof v === 'number'
    ? new Date(v)
    : /^\d{4}-\d{2}-\d{2}$/.test(v)
      ? new Date(`${v}T12:00:00+08:00`)
      : new Date(v);

/** Messages, Intl formatting and language-keeping links for one request. */
export function createI18n(locale: Locale, explicit: boolean) {
  const messages = catalogues[locale];
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: TIME_ZONE });
  const dateTimes = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  });
  const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: TIME_ZONE });
  const langQuery = explicit ? `lang=${locale === 'en' ? 'en' : 'zh'}` : undefined;
  return {
    locale,
    /** `lang=…` when chosen by link; the client bundle appends it to links it builds. */
    langQuery,
    t(key: MessageKey, params: Record<string, string | number> = {}): string {
      // an unknown key (e.g. a role added later) shows as itself rather than failing the page
      return (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => {
        const v = params[name];
        return typeof v === 'number' ? numbers.format(v) : (v ?? '');
      });
    },
    number: (n: number) => numbers.format(n),
    percent: (ratio: number) => percents.format(ratio),
    date: (v: number | string) => dates.format(asDate(v)),
    dateTime: (v: number | string) => dateTimes.format(asDate(v)),
    month: (yyyyMm: string) => months.format(new Date(`${yyyyMm}-15T12:00:00+08:00`)),
    /** An internal link with its query, keeping an explicit language choice. */
    href(path: string, params: Record<string, string | number | boolean | undefined> = {}): string {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
      if (langQuery) qs.set('lang', langQuery.slice(5));
      const s = qs.toString();
      return s ? `${path}?${s}` : path;
    },
    /** The browser bundle's messages (`js.*`), in this language. */
    clientMessages(): Record<string, string> {
      return Object.fromEntries(Object.entries(messages).filter(([k]) => k.startsWith('js.')));
    },
  };
}

export type I18n = ReturnType<typeof createI18n>;

// built once per language and link mode: Intl formatters cost more to construct than to use
const built = new Map<string, I18n>();

/** The I18n of a request. */
export function i18nOf(c: Context): I18n {
  const { locale, explicit } = negotiate(c.req.query('lang'), c.req.header('accept-language'));
  const key = `${locale}:${explicit}`;
  const known = built.get(key);
  if (known) return known;
  const i18n = createI18n(locale, explicit);
  built.set(key, i18n);
  return i18n;
}
