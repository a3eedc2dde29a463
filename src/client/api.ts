import { $, explain, msg, say } from './page-kit.js';
import { errorFrom, pageLanguage, spend, WalletError } from './wallet.js';

/**
 * POSTs JSON to our API and returns the parsed answer; with `token` one anonymous token pays for it (see
 * `spend`). Any refusal becomes a WalletError carrying the server's code.
 */
export async function sendJson<T>(path: string, body: unknown, opts: { token?: boolean } = {}): Promise<T> {
  const send = (authorization?: string) =>
    fetch(path, {
      method: 'POST',
      credentials: 'omit',
      headers: {
        'content-type': 'application/json',
        'accept-language': pageLanguage(),
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify(body ?? {}),
    });
  let res: Response;
  try {
    res = opts.token ? await spend(send) : await send();
  } catch (e) {
    throw e instanceof WalletError ? e : new WalletError('NETWORK');
  }
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

/** A form's filled-in fields; empty ones are left out, as the API treats absent and empty alike. */
export function fieldsOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') out[k] = v;
  return out;
}

/**
 * Runs `work` on submit with the button disabled and a "please wait" in `statusId`; an error is shown in
 * `errorId` in plain words and focused, so screen-reader users hear it.
 */
export function onSubmit(
  form: HTMLFormElement,
  ids: { status: string; error: string },
  work: (fields: Record<string, string>) => Promise<void>,
) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"], button:not([type])');
    if (button) button.disabled = true;
    const working = msg('js.working');
    say($(ids.error), null);
    say($(ids.status), working);
    try {
      await work(fieldsOf(form));
    } catch (err) {
      const w = err instanceof WalletError ? err : new WalletError('generic');
      const box = $(ids.error);
      say(box, explain(w.code, w.serverMessage));
      box.focus();
    } finally {
      if (button) button.disabled = false;
      // a result the work wrote there stays
      if ($(ids.status).textContent === working) say($(ids.status), null);
    }
  });
}
