import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toBase64Url } from '../crypto/encoding.js';
import { randomBytes } from '../crypto/hash.js';
import { type Config, ConfigError } from './config.js';

/**
 * SECRET_KEY from the environment, or — for the embedded file database only — from `secret.key` beside
 * it, created (mode 0600) on first start so `npm start` needs no setup. Servers set SECRET_KEY.
 */
export function resolveSecretKey(config: Config): { key: string; createdFile?: string } {
  if (config.SECRET_KEY) return { key: config.SECRET_KEY };
  if (!config.DATABASE_URL.startsWith('file:')) {
    throw new ConfigError(
      'missing setting SECRET_KEY: required with a remote database (npm run cli -- gen-secret)',
    );
  }
  const file = join(dirname(config.DATABASE_URL.slice('file:'.length)) || '.', 'secret.key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim() };
  mkdirSync(dirname(file), { recursive: true });
  const key = toBase64Url(randomBytes(32));
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { key, createdFile: file };
}
