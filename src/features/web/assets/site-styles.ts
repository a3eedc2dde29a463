/**
 * The one stylesheet, kept as a string so that it ships on every runtime (Node and Workers) without a
 * file system; served under a content hash with a year-long cache. Mobile first: one column, wider from
 * 48rem. Colours meet WCAG AA contrast (text ≥ 4.5:1).
 */
export const siteStyles = `
:root{--fg:#1b1b1b;--muted:#4d4d4d;--bg:#fff;--soft:#f5f3f0;--line:#d6d2cc;--brand:#9f1d20;--brand-dark:#7a1518;
--link:#0b4f9c;--focus:#1a56db;--warn-bg:#fdecea;--warn:#8a1c12;--ok-bg:#e7f4ea;--ok:#1d5e2c;--info-bg:#e8f0fb;
font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;
line-height:1.6;color:var(--fg);background:var(--bg);-webkit-text-size-adjust:100%}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-size:1rem}
.wrap{max-width:64rem;margin:0 auto;padding:0 1rem}
a{color:var(--link)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
main:focus{outline:none}
h1{font-size:1.5rem;line-height:1.3;margin:1.25rem 0 .75rem}
h2{font-size:1.2rem;line-height:1.35;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
.skip{position:absolute;left:-999px;top:0;background:var(--fg);color:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
.site-header{background:var(--brand);color:#fff}
.header-row{display:flex;align-items:center;justify-content:space-between;min-height:3rem}
.brand{display:flex;gap:.5rem;align-items:center;color:#fff;font-weight:700;font-size:1.2rem;text-decoration:none}
.lang-switch{color:#fff;padding:.5rem}
.nav{display:flex;flex-wrap:wrap;gap:0 .1rem;list-style:none;margin:0;padding:0 0 .5rem}
.nav a{display:block;color:#fff;text-decoration:none;padding:.6rem .55rem;border-radius:4px;min-height:44px}
.nav a[aria-current=page]{background:var(--brand-dark);text-decoration:underline}
.site-footer{margin-top:3rem;padding:1rem 0 2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
.lead{font-size:1.05rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
.button,button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:.5rem 1.1rem;
border-radius:6px;border:2px solid var(--brand);background:var(--brand);color:#fff;font:inherit;font-weight:600;
text-decoration:none;cursor:pointer}
.button.secondary,button.secondary{background:#fff;color:var(--brand)}
button:disabled{opacity:.6;cursor:wait}
.link-button{background:none;border:none;color:var(--link);text-decoration:underline;padding:.25rem;min-height:auto;font-weight:400}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.card{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;background:#fff}
.card h3 a{text-decoration:none}
.card h3 a:hover{text-decoration:underline}
.excerpt{margin:.25rem 0;color:var(--fg);overflow-wrap:anywhere}
.meta{color:var(--muted);font-size:.9rem;margin:.25rem 0}
.badge{display:inline-block;padding:0 .5rem;border-radius:999px;font-size:.85rem;background:var(--soft);border:1px solid var(--line);color:var(--fg)}
.badge.warn{background:var(--warn-bg);border-color:#e9b8b2;color:var(--warn);font-weight:600}
.badge.ok{background:var(--ok-bg);border-color:#b7dcc0;color:var(--ok)}
.notice{border-left:4px solid var(--brand);background:var(--soft);padding:.75rem 1rem;margin:1rem 0}
.notice.warn{border-color:var(--warn);background:var(--warn-bg)}
.notice.info{border-color:var(--link);background:var(--info-bg)}
.user-text{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
bdi{unicode-bidi:isolate}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.75rem 0}
.facts dt{color:var(--muted)}
.facts dd{margin:0}
.answer{border:1px solid var(--line);border-left:4px solid var(--ok);border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
.timeline{list-style:none;padding:0;margin:0;border-left:2px solid var(--line)}
.timeline li{padding:0 0 .75rem 1rem;position:relative}
.timeline li::before{content:"";position:absolute;left:-7px;top:.55rem;width:12px;height:12px;border-radius:50%;background:var(--brand)}
.timeline time{display:block;color:var(--muted);font-size:.9rem}
form.filters{display:grid;gap:.75rem;background:var(--soft);padding:1rem;border-radius:8px}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
.check label,label.inline{display:inline;font-weight:400}
input,select,textarea{font:inherit;width:100%;min-height:44px;padding:.5rem;border:1px solid #767676;border-radius:4px;background:#fff;color:var(--fg)}
input[type=checkbox],input[type=radio]{width:1.25rem;min-height:1.25rem;margin:0 .5rem 0 0;vertical-align:middle}
textarea{min-height:12rem;resize:vertical}
.help{color:var(--muted);font-size:.9rem;margin:.25rem 0}
fieldset{border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem 1rem;margin:0}
legend{font-weight:700;padding:0 .25rem}
.choices{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
.choices label{display:flex;align-items:center;gap:.25rem;font-weight:400;border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;margin:0;min-height:44px}
.choices .category-name{font-weight:600}
.error-list{color:var(--warn)}
[role=alert]{color:var(--warn);font-weight:600}
.receipt{display:block;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:1.15rem;letter-spacing:.05em;
background:var(--soft);border:2px dashed var(--brand);padding:.75rem;margin:.5rem 0;overflow-wrap:anywhere;user-select:all}
pre.receipt{white-space:pre-wrap}
.preview{border:2px solid var(--line);border-radius:8px;padding:1rem}
.preview-title{font-size:1.1rem;font-weight:700;margin:0 0 .5rem}
.pager{display:flex;gap:1rem;justify-content:space-between;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
.table-scroll{overflow-x:auto}
caption{text-align:left;font-weight:700;padding:.5rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
.figures{display:grid;grid-template-columns:repeat(2,1fr);gap:.75rem;margin:1rem 0;padding:0}
.figures div{background:var(--soft);border-radius:8px;padding:.75rem}
.figures dt{color:var(--muted);font-size:.9rem}
.figures dd{margin:0;font-size:1.4rem;font-weight:700}
.chart{max-width:100%;height:auto}
.columns{display:grid;gap:1rem}
@media (min-width:48rem){
h1{font-size:1.9rem}
.columns{grid-template-columns:1fr 1fr;gap:2rem}
.list-layout{display:grid;grid-template-columns:18rem 1fr;gap:2rem;align-items:start}
.figures{grid-template-columns:repeat(4,1fr)}
.narrow{max-width:42rem}
}
@media (max-width:30rem){.answer .facts{grid-template-columns:1fr;gap:0}.answer .facts dd{margin-bottom:.5rem}}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
.nav-pills{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:.75rem 0;padding:0}
.nav-pills a{display:block;padding:.4rem .75rem;border:1px solid var(--line);border-radius:999px;min-height:44px;text-decoration:none}
.nav-pills a[aria-current=page]{background:var(--brand);border-color:var(--brand);color:#fff}
.agree-form,.flag-form{display:inline-flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:.5rem .5rem 0 0}
.flag-form label{margin:0;font-weight:400}
blockquote{border-left:3px solid var(--line);margin:.5rem 0;padding:.25rem .75rem;color:var(--muted)}
code.hash{word-break:break-all}
pre{white-space:pre-wrap;word-break:break-all;background:var(--soft);padding:.75rem}
`;
