/**
 * The one browser bundle, loaded only by the pages that need a wallet (posting, "my posts"). Every other
 * page is plain server-rendered HTML.
 */
import { postPage } from './post-page.js';
import { refillIfDue } from './wallet.js';
import { walletPage } from './wallet-page.js';

const pages: Record<string, () => Promise<void>> = { post: postPage, wallet: walletPage };

async function start() {
  await pages[document.body.dataset.page ?? '']?.();
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  // background upkeep at a random moment after load; the refill itself only runs when its time has come
  setTimeout(() => void refillIfDue(), 2_000 + Math.random() * 20_000);
}

void start();
