import { onSubmit, sendJson } from './api.js';
import { kv } from './idb-store.js';
import { $, formatTime, link, msg, say } from './page-kit.js';

const ids = { status: 'forum-status', error: 'forum-error' };

interface Created {
  id: number;
  receipt: string;
  publishAt: string;
}

/** The receipt of this phone's first post in a thread: sent with later replies to keep the same name. */
const threadReceipt = (threadId: number) => `forum-receipt:${threadId}`;

function sent(created: Created) {
  say($(ids.status), msg('js.forum.sent', { time: formatTime(created.publishAt) }));
}

/**
 * Forum pages: start a thread, reply (under this phone's name in the thread), flag a post. Each spends
 * one token; the receipt of the first post in a thread stays on this phone only.
 */
export async function forumPage() {
  const root = document.getElementById('forum');
  if (!root) return;
  const threadForm = document.getElementById('thread-form') as HTMLFormElement | null;
  if (threadForm) {
    threadForm.hidden = false;
    onSubmit(threadForm, ids, async (fields) => {
      const { boardId, ...rest } = fields;
      const body = { ...rest, boardId: boardId ? Number(boardId) : undefined };
      const created = await sendJson<Created>('/api/v1/forum/threads', body, { token: true });
      await kv.set(threadReceipt(created.id), created.receipt);
      threadForm.reset();
      location.assign(link(`/forum/threads/${created.id}`));
    });
  }
  const threadId = Number(root.dataset.threadId);
  const replyForm = document.getElementById('reply-form') as HTMLFormElement | null;
  if (replyForm && threadId) {
    replyForm.hidden = false;
    onSubmit(replyForm, ids, async (fields) => {
      const receipt = await kv.get<string>(threadReceipt(threadId));
      const quote = Number(fields.quoteReplyId);
      const body = { body: fields.body, receipt, quoteReplyId: quote > 0 ? quote : undefined };
      const created = await sendJson<Created>(`/api/v1/forum/threads/${threadId}/replies`, body, {
        token: true,
      });
      if (!receipt) await kv.set(threadReceipt(threadId), created.receipt);
      replyForm.reset();
      sent(created);
    });
  }
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-agree]')) {
    form.hidden = false;
    onSubmit(form, ids, async () => {
      await sendJson(form.dataset.agree!, {}, { token: true });
      say($(ids.status), msg('js.agreed'));
    });
  }
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-flag-type]')) {
    form.hidden = false;
    onSubmit(form, ids, async (fields) => {
      const body = { itemType: form.dataset.flagType, itemId: Number(form.dataset.flagId), ...fields };
      await sendJson('/api/v1/flags', body, { token: true });
      say($(ids.status), msg('js.flagged'));
    });
  }
}
