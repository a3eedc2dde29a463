import { sendJson } from './api.js';
import { kv } from './idb-store.js';
import { findIdentifyingDetails } from './identifying-hints.js';
import { $, el, explain, link, msg, say } from './page-kit.js';
import { type CreatedAppeal, showReceipt } from './receipt.js';
import { state, WalletError } from './wallet.js';

const steps = ['category', 'write', 'check', 'preview'] as const;
type Step = (typeof steps)[number];

interface Draft {
  categoryId?: string;
  title: string;
  body: string;
}

const form = () => $<HTMLFormElement>('post-form');
const field = (id: string) => $<HTMLInputElement | HTMLTextAreaElement>(id);

function draft(): Draft {
  const chosen = form().querySelector<HTMLInputElement>('input[name="categoryId"]:checked');
  return { categoryId: chosen?.value, title: field('title').value, body: field('body').value };
}

function show(step: Step) {
  for (const s of steps) {
    const section = form().querySelector<HTMLElement>(`[data-step="${s}"]`)!;
    section.hidden = s !== step;
  }
  say($('post-error'), null);
  // move focus to the step's heading so keyboard and screen-reader users land on the new step
  form().querySelector<HTMLElement>(`[data-step="${step}"] h2`)?.focus();
}

function fail(text: string) {
  const box = $('post-error');
  say(box, text);
  box.focus();
}

function fillHints(d: Draft) {
  const list = $('hint-findings');
  list.replaceChildren(
    ...findIdentifyingDetails(`${d.title}\n${d.body}`).map((f) =>
      el(
        'li',
        {},
        el('strong', { textContent: msg(`js.hint.${f.kind}`) }),
        ' ',
        el('q', { textContent: f.text }),
      ),
    ),
  );
  $('hint-none').hidden = list.childElementCount > 0;
  $('hint-some').hidden = list.childElementCount === 0;
}

function fillPreview(d: Draft) {
  $('preview-title').textContent = d.title;
  $('preview-body').textContent = d.body;
  const label = form().querySelector(`label[for="category-${d.categoryId}"] .category-name`);
  $('preview-category').textContent = label?.textContent ?? '';
}

/** Checks the step being left; returns an error message or null. */
function problemLeaving(step: Step, d: Draft): string | null {
  if (step === 'category' && !d.categoryId) return msg('js.needCategory');
  if (step === 'write' && !d.title.trim()) return msg('js.needTitle');
  if (step === 'write' && !d.body.trim()) return msg('js.needBody');
  return null;
}

async function send(d: Draft) {
  const sending = $('post-sending');
  const button = $<HTMLButtonElement>('send');
  button.disabled = true;
  say(sending, msg('js.sending'));
  try {
    const created = await sendJson<CreatedAppeal>(
      '/api/v1/appeals',
      { title: d.title, body: d.body, categoryId: Number(d.categoryId) },
      { token: true },
    );
    await showReceipt(created, d.title);
    form().hidden = true;
    $('wallet-status').hidden = true;
    await kv.delete('draft');
  } catch (e) {
    const err = e instanceof WalletError ? e : new WalletError('generic');
    fail(explain(err.code, err.serverMessage));
  } finally {
    button.disabled = false;
    say(sending, null);
  }
}

async function showStock() {
  const s = await state();
  const status = $('wallet-status');
  status.replaceChildren(
    s.stock > 0
      ? msg('js.stock', { n: s.stock })
      : msg(s.enrolled ? 'js.error.NO_TOKENS' : 'js.error.NOT_ENROLLED'),
  );
  if (s.stock === 0) status.append(' ', el('a', { href: link('/wallet'), textContent: msg('js.toWallet') }));
}

/** Drafts stay on the phone, so a dropped connection or a closed tab loses nothing. */
async function keepDrafts() {
  const saved = await kv.get<Draft>('draft');
  if (saved) {
    field('title').value = saved.title;
    field('body').value = saved.body;
    const radio = form().querySelector<HTMLInputElement>(
      `input[name="categoryId"][value="${CSS.escape(saved.categoryId ?? '')}"]`,
    );
    if (radio) radio.checked = true;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  form().addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void kv.set('draft', draft()), 400);
  });
}

export async function postPage() {
  $('post-app').hidden = false;
  await Promise.all([showStock(), keepDrafts()]);
  form().addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-go]');
    if (!target) return;
    const from = target.closest<HTMLElement>('[data-step]')!.dataset.step as Step;
    const to = target.dataset.go as Step;
    const d = draft();
    const forward = steps.indexOf(to) > steps.indexOf(from);
    const problem = forward ? problemLeaving(from, d) : null;
    if (problem) return fail(problem);
    if (to === 'check') fillHints(d);
    if (to === 'preview') fillPreview(d);
    show(to);
  });
  form().addEventListener('submit', (e) => {
    e.preventDefault();
    // Enter in the title field submits the form implicitly: only the preview step may send
    if (form().querySelector<HTMLElement>('[data-step="preview"]')!.hidden) return;
    void send(draft());
  });
}
