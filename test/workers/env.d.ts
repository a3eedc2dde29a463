import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    /** The bindings of wrangler.toml plus the test-only ones from test/workers/vitest.config.ts. */
    interface Env {
      DB: D1Database;
      SECRET_KEY: string;
      PUBLIC_ORIGIN: string;
      TEST_MIGRATIONS: D1Migration[];
    }
    /** Types `exports.default` of cloudflare:workers as our entry. */
    interface GlobalProps {
      mainModule: typeof import('../../src/worker.js');
    }
  }
}
