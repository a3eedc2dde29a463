import { z } from 'zod';
import { isoDay } from './alerts.service.js';
import { type StreamAlert, StreamAnalyser, type StreamOptions } from './stream-analyser.js';

const InputLine = z.object({
  id: z.union([z.string().min(1).max(200), z.number().finite()]),
  time: z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be ISO 8601 with a time zone (2025-03-01T08:00:00+08:00) or a date (2025-03-01)',
  }),
  text: z.string().min(1).max(20_000),
  category: z.string().max(100).nullish(),
  department: z.string().max(200).nullish(),
});

export interface JsonLinesSummary {
  items: number;
  badLines: number;
  alerts: number;
  topics: number;
}

/**
 * `analyse --input`: reads items as JSON lines (in time order), runs the streaming analysis and hands each
 * alert to `onAlert` as soon as its episode is over. A bad line goes to `onBadLine` with its 1-based number
 * and is skipped; the run goes on. No file system here, so Workers or a test can feed any line source.
 * @example await analyseJsonLines(readline.createInterface({ input }), (a) => out(formatAlert(a)), err)
 */
export async function analyseJsonLines(
  lines: AsyncIterable<string> | Iterable<string>,
  onAlert: (alert: StreamAlert) => void,
  onBadLine: (line: number, reason: string) => void,
  opts: Omit<StreamOptions, 'onAlert'> = {},
): Promise<JsonLinesSummary> {
  const analyser = new StreamAnalyser({ ...opts, onAlert });
  const summary = { items: 0, badLines: 0, alerts: 0, topics: 0 };
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    const reason = addLine(analyser, raw);
    if (reason) {
      summary.badLines++;
      onBadLine(n, reason);
    } else summary.items++;
  }
  summary.alerts = analyser.finish().length;
  summary.topics = analyser.topicCount();
  return summary;
}

function addLine(analyser: StreamAnalyser, raw: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return 'not valid JSON';
  }
  const parsed = InputLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.') || 'line'}: ${issue.message}`;
  }
  const { id, time, text, category, department } = parsed.data;
  // a bare date is midnight in the bureau's time zone (UTC+8)
  const ms = Date.parse(time.length === 10 ? `${time}T00:00:00+08:00` : time);
  if (!analyser.add({ id, time: ms, text, category, department })) {
    return 'time is earlier than a day already analysed: sort the input by time';
  }
  return undefined;
}

/** The JSON line printed for an alert: dates as YYYY-MM-DD in the bureau's time zone. */
export function formatAlert(a: StreamAlert): string {
  return JSON.stringify({
    topic: a.topic,
    start: isoDay(a.start),
    end: isoDay(a.end),
    detected: isoDay(a.detected),
    kind: a.kind,
    items: a.items,
    ...(a.department ? { department: a.department } : {}),
  });
}
