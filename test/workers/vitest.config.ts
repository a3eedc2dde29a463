import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { privacypassBundle } from './global-setup.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Tests inside workerd: the real src/worker.ts against a local D1 with db/migrations applied. */
export default defineConfig(async () => ({
  root,
  plugins: [
    cloudflareTest({
      main: './src/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          // a fixed test key: secrets are bindings on Workers, and .dev.vars is not read here
          SECRET_KEY: 'dGVzdC1vbmx5LXNlY3JldC1rZXktb2YtMzItYnl0ZXMhIQ',
          PUBLIC_ORIGIN: 'http://zhitong.test',
          TEST_MIGRATIONS: await readD1Migrations(`${root}/db/migrations`),
        },
      },
    }),
  ],
  resolve: { alias: { '@cloudflare/privacypass-ts': privacypassBundle } },
  test: {
    include: ['test/workers/**/*.test.ts'],
    globalSetup: ['test/workers/global-setup.ts'],
    setupFiles: ['test/workers/apply-migrations.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
}));
