import type { NoticeView } from './notices.service.js';

// XML 1.0 cannot carry most control characters at all, escaped or not
const allowedInXml = (ch: string) => {
  const code = ch.charCodeAt(0);
  return (
    (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff
  );
};

function xml(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * An Atom 1.0 feed (RFC 4287) of notices. Bodies go out as `type="text"`: a feed reader shows them as
 * written and never interprets markup from them.
 * @example atomFeed({ origin, selfPath: '/api/v1/notices.atom', title: '政务公开', notices })
 */
export function atomFeed(feed: { origin: string; selfPath: string; title: string; notices: NoticeView[] }) {
  const updated = feed.notices[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = feed.notices.map((n) => {
    const url = `${feed.origin}/api/v1/notices/${n.id}`;
    const attachments = n.attachments
      .map((a) => `    <link rel="related" href="${xml(a.url)}" title="${xml(a.title)}"/>`)
      .join('\n');
    const appeals = n.appealIds
      .map(
        (id) =>
          `    <link rel="related" href="${xml(`${feed.origin}/api/v1/appeals/${id}`)}" title="诉求 #${id}"/>`,
      )
      .join('\n');
    return [
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title type="text">${xml(n.title)}</title>`,
      `    <published>${n.publishedAt}</published>`,
      `    <updated>${n.publishedAt}</updated>`,
      `    <author><name>${xml(n.departmentName)}</name></author>`,
      `    <link rel="alternate" href="${xml(url)}"/>`,
      ...(attachments ? [attachments] : []),
      ...(appeals ? [appeals] : []),
      `    <summary type="text">${xml(`决定日期 ${n.decidedOn}`)}</summary>`,
      `    <content type="text">${xml(n.body)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  const self = `${feed.origin}${feed.selfPath}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xml(self)}</id>`,
    `  <title type="text">${xml(feed.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
