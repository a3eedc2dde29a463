import { DAY, HOUR } from '../../platform/clock.js';
import type { Config } from '../../platform/config/config.js';

const unitOf = (config: Config) => (config.CONTENT_TIME_GRANULARITY === 'day' ? DAY : HOUR);

/** Times stored with worker content: rounded down to the hour (or day) so they cannot be matched to an issuance. */
export function coarseTime(config: Config, now: number): number {
  return Math.floor(now / unitOf(config)) * unitOf(config);
}

/**
 * When a new post becomes public. With a delay configured: now plus a random 0–N minutes, rounded UP to
 * the next hour (or day), so posts are released in batches and the release time says nothing finer.
 * Without one: at once (the coarse creation time).
 */
export function publishTime(config: Config, now: number, random: () => number = Math.random): number {
  if (config.PUBLISH_DELAY_MAX_MINUTES === 0) return coarseTime(config, now);
  const delay = Math.floor(random() * (config.PUBLISH_DELAY_MAX_MINUTES + 1)) * 60_000;
  return Math.ceil((now + delay) / unitOf(config)) * unitOf(config);
}
