import MarkdownIt from 'markdown-it';

// a scheme followed by ":" — anything else (a path, "#top", "?q=") is a relative link
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ALLOWED_SCHEME = /^(https?|mailto):/i;

/**
 * Links only to http(s), mailto and this site: javascript:, data:, vbscript: and every other scheme
 * leave the text as plain text. Control characters and spaces are stripped first, as browsers do.
 */
export function allowedLink(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these before reading the scheme
  const bare = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return !SCHEME.test(bare) || ALLOWED_SCHEME.test(bare);
}

function createRenderer() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = allowedLink;
  // an image would make every reader's browser fetch a third party's URL: links only
  md.disable('image');
  const linkOpen =
    md.renderer.rules.link_open ?? ((tokens, i, opts, _env, self) => self.renderToken(tokens, i, opts));
  md.renderer.rules.link_open = (tokens, i, opts, env, self) => {
    tokens[i]!.attrSet('rel', 'noopener noreferrer nofollow');
    return linkOpen(tokens, i, opts, env, self);
  };
  return md;
}

const renderer = createRenderer();

/**
 * An explainer's Markdown as safe HTML: raw HTML is escaped (`html: false`), bare URLs become links,
 * links are limited to {@link allowedLink} and carry rel="noopener noreferrer nofollow", images are off.
 * @example renderMarkdown('[规定](https://example.cn/rule)') // '<p><a href="…" rel="noopener noreferrer nofollow">规定</a></p>\n'
 */
export function renderMarkdown(source: string): string {
  return renderer.render(source);
}
