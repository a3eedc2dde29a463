import type { I18n } from '../../platform/views/i18n/locale.js';
import type { PageAssets } from '../../platform/views/layout.js';
import { siteStyles } from './assets/site-styles.js';

export interface StaticFile {
  body: string | Uint8Array;
  /** The same bytes gzip-compressed at build time, sent when the browser accepts gzip. */
  gzip?: Uint8Array;
  type: string;
}

/** FNV-1a over the text: a stable version for a URL, not a security hash. */
function versionOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const icon = (rounded: boolean, scale: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512"${rounded ? ' rx="96"' : ''} fill="#9f1d20"/><g transform="translate(256 256) scale(${scale}) translate(-256 -256)"><path d="M112 136h288a32 32 0 0 1 32 32v168a32 32 0 0 1-32 32H236l-92 76v-76h-32a32 32 0 0 1-32-32V168a32 32 0 0 1 32-32z" fill="#fff"/><path d="M164 252h168m-56-56 56 56-56 56" stroke="#9f1d20" stroke-width="30" fill="none" stroke-linecap="round" stroke-linejoin="round"/></g></svg>`;

function versioned(name: string, ext: string, body: string, type: string): [string, StaticFile] {
  return [`/assets/${name}.${versionOf(body)}.${ext}`, { body, type }];
}

const [cssPath, cssFile] = versioned('site', 'css', siteStyles, 'text/css; charset=utf-8');
const [iconPath, iconFile] = versioned('icon', 'svg', icon(true, 1), 'image/svg+xml');
const [maskablePath, maskableFile] = versioned('icon-maskable', 'svg', icon(false, 0.8), 'image/svg+xml');

/** The stylesheet and icons by URL; their URLs change whenever their bytes do. */
export const staticFiles: ReadonlyMap<string, StaticFile> = new Map([
  [cssPath, cssFile],
  [iconPath, iconFile],
  [maskablePath, maskableFile],
]);

export function pageAssets(i18n: I18n): PageAssets {
  return { css: cssPath, icon: iconPath, manifest: i18n.href('/manifest.webmanifest') };
}

/** The web app manifest (installable on the home screen), in the page's language. */
export function webManifest(i18n: I18n): string {
  return JSON.stringify({
    name: `${i18n.t('site.name')} · ${i18n.t('site.tagline')}`,
    short_name: i18n.t('site.name'),
    lang: i18n.locale,
    start_url: i18n.href('/'),
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#9f1d20',
    icons: [
      { src: iconPath, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: maskablePath, sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
    ],
  });
}

/**
 * A service worker that does one thing: when a page cannot be loaded, show the offline page. It caches
 * nothing else, so no appeal a worker read stays in the phone's cache.
 */
export function serviceWorker(): string {
  const files = ['/offline', cssPath, iconPath];
  return `const CACHE='zt-offline-${versionOf(files.join())}';
self.addEventListener('install',e=>{e.waitUntil(caches.open(CACHE).then(c=>c.addAll(${JSON.stringify(files)})).then(()=>self.skipWaiting()))});
self.addEventListener('activate',e=>{e.waitUntil(caches.keys().then(ks=>Promise.all(ks.filter(k=>k!==CACHE).map(k=>caches.delete(k)))).then(()=>self.clients.claim()))});
self.addEventListener('fetch',e=>{if(e.request.mode!=='navigate')return;e.respondWith(fetch(e.request).catch(()=>caches.match('/offline')))});
`;
}
