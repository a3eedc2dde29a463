import type { CalendarDay } from '../../src/features/appeals/settings.service.js';

const off = (name: string, ...dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'off', name }));
const work = (name: string, ...dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'work', name: `${name}调休上班` }));
const range = (from: string, days: number) =>
  Array.from({ length: days }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

/**
 * Public holidays and the weekend days worked in exchange, as the State Council's notices set them for
 * late 2025 and for 2026. Demo data: admins maintain the real calendar each year (staff API).
 */
export const demoCalendar: CalendarDay[] = [
  ...off('国庆节、中秋节', ...range('2025-10-01', 8)),
  ...work('国庆节', '2025-09-28', '2025-10-11'),
  ...off('元旦', ...range('2026-01-01', 3)),
  ...work('元旦', '2026-01-04'),
  ...off('春节', ...range('2026-02-15', 9)),
  ...work('春节', '2026-02-14', '2026-02-28'),
  ...off('清明节', ...range('2026-04-04', 3)),
  ...off('劳动节', ...range('2026-05-01', 5)),
  ...work('劳动节', '2026-05-09'),
  ...off('端午节', ...range('2026-06-19', 3)),
  ...off('中秋节', ...range('2026-09-25', 3)),
  ...off('国庆节', ...range('2026-10-01', 7)),
  ...work('国庆节', '2026-09-20', '2026-10-10'),
];
