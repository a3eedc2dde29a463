import type { startE2e } from './e2e-harness.js';

type E2e = Awaited<ReturnType<typeof startE2e>>;

/**
 * A staff JSON call against the e2e server: signs in with the password (the real session route), then
 * sends the cookie and the server's own Origin, as the staff console in a browser would.
 */
export async function staffJson(
  e: E2e,
  who: { username: string; password: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const json = (init: RequestInit & { cookie?: string }) => {
    const headers = new Headers({ origin: e.origin, 'content-type': 'application/json' });
    if (init.cookie) headers.set('cookie', init.cookie);
    return fetch(`${e.origin}${init.cookie ? path : '/api/v1/staff/session'}`, { ...init, headers });
  };
  const signIn = await json({ method: 'POST', body: JSON.stringify(who) });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith('zt_staff='))
    ?.split(';')[0];
  return json({ method, cookie, body: body === undefined ? undefined : JSON.stringify(body) });
}
