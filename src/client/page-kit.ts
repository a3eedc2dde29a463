/** Small DOM helpers shared by the wallet and posting pages. Text goes in through textContent only. */

let messages: Record<string, string> | undefined;

/** A message from the catalogue the server put in the page (`js.*` keys, in the page's language). */
export function msg(key: string, params: Record<string, string | number> = {}): string {
  messages ??= JSON.parse(document.getElementById('zt-messages')?.dataset.json ?? '{}') as Record<
    string,
    string
  >;
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return typeof v === 'number' ? v.toLocaleString(document.documentElement.lang) : (v ?? '');
  });
}

export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

/** A same-site link that keeps an explicit `?lang=` choice (the server puts it on <body>). */
export function link(path: string): string {
  const lang = document.body.dataset.langQuery;
  return lang ? `${path}${path.includes('?') ? '&' : '?'}${lang}` : path;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Pick<HTMLElementTagNameMap[K], 'className' | 'textContent'>> & Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'textContent') (node as unknown as Record<string, unknown>)[k] = v;
    else if (v !== undefined) node.setAttribute(k, String(v));
  }
  node.append(...children);
  return node;
}

/** Shows a message in a live region; `null` clears and hides it. */
export function say(target: HTMLElement, text: string | null) {
  target.textContent = text ?? '';
  target.hidden = text === null;
}

/** A plain-words message for a wallet or server error code. */
export function explain(code: string, serverMessage?: string): string {
  const key = `js.error.${code}`;
  const text = msg(key);
  if (text !== key) return text;
  return serverMessage ?? msg('js.error.generic');
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(document.documentElement.lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}
