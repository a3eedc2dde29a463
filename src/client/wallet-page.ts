import { decodeBackup, encodeBackup } from './backup-code.js';
import { type MyPost, posts } from './idb-store.js';
import { $, el, explain, formatTime, link, msg, say } from './page-kit.js';
import { enroll, forgetCode, refill, state, WalletError } from './wallet.js';

function report(e: unknown) {
  const err = e instanceof WalletError ? e : new WalletError('generic');
  const box = $('wallet-error');
  say(box, explain(err.code, err.serverMessage));
  box.focus();
}

async function busy(button: HTMLButtonElement, work: () => Promise<void>) {
  button.disabled = true;
  say($('wallet-error'), null);
  say($('wallet-note'), msg('js.working'));
  try {
    await work();
  } catch (e) {
    say($('wallet-note'), null);
    report(e);
  } finally {
    button.disabled = false;
    await render();
  }
}

async function render() {
  const s = await state();
  $('stock').textContent =
    s.enrolled || s.stock > 0 ? msg('js.stock', { n: s.stock }) : msg('js.error.NOT_ENROLLED');
  $('refill-info').textContent =
    s.enrolled && s.nextRefillAt
      ? msg('js.nextRefill', { time: formatTime(new Date(s.nextRefillAt).toISOString()) })
      : '';
  $('enroll-form').hidden = s.enrolled;
  $('enrolled-actions').hidden = !s.enrolled;
  const mine = (await posts.all()).sort((a, b) => b.id - a.id);
  $('my-posts').replaceChildren(...mine.map(postItem));
  $('no-posts').hidden = mine.length > 0;
  $('backup-show').hidden = mine.length === 0;
}

function postItem(p: MyPost): HTMLLIElement {
  const remove = el('button', {
    type: 'button',
    className: 'link-button',
    textContent: msg('js.removePost'),
  });
  remove.addEventListener('click', async () => {
    if (!confirm(msg('js.confirmRemove'))) return;
    await posts.delete(p.id);
    await render();
  });
  return el(
    'li',
    {},
    el('a', { href: link(`/appeals/${p.id}`) }, el('bdi', { textContent: p.title || `#${p.id}` })),
    el('span', { className: 'meta', textContent: ` · ${p.pseudonym}` }),
    el(
      'details',
      {},
      el('summary', { textContent: msg('js.receipt') }),
      el('code', { className: 'receipt', textContent: p.receipt }),
    ),
    remove,
  );
}

/** Titles and pseudonyms of restored posts come from the public API; the receipt never leaves the phone. */
async function restore(text: string) {
  const { entries, badLines } = decodeBackup(text);
  if (badLines.length)
    throw new WalletError('BACKUP_LINES', msg('js.error.BACKUP_LINES', { lines: badLines.join(', ') }));
  for (const e of entries) {
    const res = await fetch(`/api/v1/appeals/${e.id}`, { credentials: 'omit' }).catch(() => undefined);
    const found = res?.ok ? ((await res.json()) as { title: string; pseudonym: string }) : undefined;
    await posts.put({
      id: e.id,
      receipt: e.receipt,
      title: found?.title ?? '',
      pseudonym: found?.pseudonym ?? '',
    });
  }
  say($('wallet-note'), msg('js.restored', { n: entries.length }));
}

export async function walletPage() {
  $('wallet-app').hidden = false;
  await render();
  $('enroll-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const button = (e.currentTarget as HTMLFormElement).querySelector('button')!;
    void busy(button, async () => {
      const n = await enroll($<HTMLInputElement>('code').value);
      $<HTMLInputElement>('code').value = '';
      say($('wallet-note'), msg('js.enrolled', { n }));
    });
  });
  $('refill-now').addEventListener('click', (e) => {
    void busy(e.currentTarget as HTMLButtonElement, async () => {
      say($('wallet-note'), msg('js.refilled', { n: await refill() }));
    });
  });
  $('forget-code').addEventListener('click', (e) => {
    if (!confirm(msg('js.confirmForget'))) return;
    void busy(e.currentTarget as HTMLButtonElement, async () => {
      await forgetCode();
      say($('wallet-note'), msg('js.forgotten'));
    });
  });
  $('backup-show').addEventListener('click', async () => {
    const code = $('backup-code');
    code.textContent = encodeBackup(await posts.all());
    code.hidden = false;
  });
  $('restore-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const button = (e.currentTarget as HTMLFormElement).querySelector('button')!;
    void busy(button, () => restore($<HTMLTextAreaElement>('restore-text').value));
  });
}
