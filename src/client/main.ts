/**
 * The one browser bundle, loaded only by the pages that need a wallet. Posting and "my posts" are in the
 * entry; the other pages' code is a separate file fetched only on those pages.
 */
import { postPage } from './post-page.js';
import { refillIfDue } from './wallet.js';
import { walletPage } from './wallet-page.js';

const pages: Record<string, () => Promise<void>> = {
  post: postPage,
  wallet: walletPage,
  appeal: () => import('./appeal-page.js').then((m) => m.appealPage()),
  forum: () => import('./forum-page.js').then((m) => m.forumPage()),
  survey: () => import('./survey-page.js').then((m) => m.surveyPage()),
  explainer: () => import('./explainer-page.js').then((m) => m.explainerPage()),
  rating: () => import('./rating-page.js').then((m) => m.ratingPage()),
};

async function start() {
  const { app, page } = document.body.dataset;
  await pages[app ?? page ?? '']?.();
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  // background upkeep at a random moment after load; the refill itself only runs when its time has come
  setTimeout(() => void refillIfDue(), 2_000 + Math.random() * 20_000);
}

void start();
