import type { postingZh } from './posting.zh-CN.js';

/** English messages of posting, the wallet and the privacy page; the type keeps them complete. */
export const postingEn: Record<keyof typeof postingZh, string> = {
  'post.title': 'Post anonymously',
  'post.heading': 'Ask, complain or suggest — anonymously',
  'post.noscript':
    'Posting needs JavaScript: anonymous tokens can only be made on your phone. Reading appeals does not need it.',
  'post.unavailable':
    'The script needed for posting is not available on this site right now; try again later.',
  'post.step.category': 'Step 1: choose a category',
  'post.step.write': 'Step 2: write it down',
  'post.step.check': 'Step 3: check for details that identify you',
  'post.step.preview': 'Step 4: preview and send',
  'post.answerDays': 'answer within {n} working days',
  'post.titleLabel': 'Title',
  'post.titleHelp': 'The problem in one sentence, up to 120 characters.',
  'post.bodyLabel': 'Text',
  'post.bodyHelp':
    'What the problem is and what would solve it, up to 5000 characters. The draft stays on this phone.',
  'post.next': 'Next',
  'post.back': 'Back',
  'post.edit': 'Edit',
  'post.hintIntro':
    'Tokens hide who posted, but the text itself can give you away: names, staff numbers, phone numbers, exact shifts and times, details only a few people know.',
  'post.hintSome': 'The draft contains these details that could identify you; consider changing them:',
  'post.hintNone':
    'No obvious personal details found. Think once more: is there anything only you or a few people know?',
  'post.hintAdvice': 'Write "a team", "an early shift one day" instead of exact names and times.',
  'post.previewIntro': 'Everyone will see:',
  'post.previewCategory': 'Category: ',
  'post.final':
    'Once sent, the title and text cannot be edited or deleted; they are published exactly as written.',
  'post.send': 'Send anonymously',
  'post.done': 'Sent',
  'post.donePseudonym': 'The pseudonym of this post: ',
  'post.receiptLabel': 'Receipt (shown only now)',
  'post.receiptHelp':
    'Write it down or copy it. With the receipt you can add information, rate the answer or withdraw. It is also kept under "My posts" on this phone. Do not keep it together with your enrollment code.',
  'post.copy': 'Copy the receipt',
  'post.view': 'View the post',
  'post.toWallet': 'Tokens and my posts',
  'post.privacy': 'What the platform knows and does not know',

  'wallet.title': 'My tokens',
  'wallet.heading': 'Anonymous tokens and my posts',
  'wallet.noscript': 'Tokens and "my posts" are kept in the browser on your phone; this needs JavaScript.',
  'wallet.tokens': 'Tokens',
  'wallet.codeLabel': 'Enrollment code',
  'wallet.codeHelp':
    'The code your employer handed out, like XXXX-XXXX-XXXX-XXXX-XXXX-XXXX. It stays on this phone and is used to fetch tokens.',
  'wallet.enroll': 'Enroll and fetch tokens',
  'wallet.refillNow': 'Fetch tokens now',
  'wallet.refillHelp':
    'Tokens are topped up at random times, unrelated to when you post. Posting right after fetching makes the timing easier to match; do not fetch by hand unless you need to.',
  'wallet.forget': 'Remove the enrollment code from this phone',
  'wallet.myPosts': 'My posts',
  'wallet.noPosts': 'No posts of yours on this phone yet.',
  'wallet.backup': 'Backup and restore',
  'wallet.backupHelp':
    'The backup code lists the number and receipt of each post; write it on paper and type it in below on a new phone. Whoever holds a receipt can follow the post up as its author: keep it safe.',
  'wallet.showBackup': 'Show the backup code',
  'wallet.restoreLabel': 'Type in a backup code',
  'wallet.restore': 'Restore',

  'privacy.title': 'What the platform knows',
  'privacy.heading': 'What the platform knows, and what it does not',
  'privacy.knows': 'It knows',
  'privacy.knows.1': 'The title, text and category of each post — they are published.',
  'privacy.knows.2': 'Roughly when a post was sent (to the hour).',
  'privacy.knows.3':
    'How many tokens a valid enrollment code fetched this period: a counter under a salted hash whose salt is destroyed.',
  'privacy.notKnows': 'It does not know',
  'privacy.notKnows.1':
    'Which worker wrote which post: tokens are blind-signed, so a spent token cannot be matched to who fetched it.',
  'privacy.notKnows.2': 'Your IP address or browser: neither is logged or stored.',
  'privacy.notKnows.3': 'Your enrollment code itself: the server keeps only a keyed hash of it.',
  'privacy.notKnows.4': 'Whether two posts come from the same person: each post has its own pseudonym.',
  'privacy.phone': 'Kept on your phone',
  'privacy.phone.1':
    'Your enrollment code, unspent tokens, your posts and their receipts. Whoever can open your phone\'s browser can see "my posts"; you can delete them at any time.',
  'privacy.phone.2': 'The text itself can identify you: the posting page points out details that might.',
  'privacy.staff':
    'Staff act under their own names, and every action they take is on a public, tamper-evident log.',

  'js.needCategory': 'Choose a category.',
  'js.needTitle': 'Write a title.',
  'js.needBody': 'Write the text.',
  'js.stock': 'Tokens available: {n}',
  'js.toWallet': 'Get tokens',
  'js.sending': 'Sending anonymously…',
  'js.publishAt': 'Public from {time}.',
  'js.copied': 'Copied.',
  'js.copyFailed': 'Could not copy automatically; the receipt is selected — copy or write it down.',
  'js.hint.name': 'Name:',
  'js.hint.phone': 'Phone number:',
  'js.hint.idNumber': 'ID number:',
  'js.hint.staffNumber': 'Staff number or long number:',
  'js.hint.email': 'Email:',
  'js.hint.dateTime': 'Exact date or time:',
  'js.hint.placeShift': 'Exact train, team or place:',
  'js.working': 'Please wait…',
  'js.nextRefill': 'Next automatic top-up: after {time}',
  'js.enrolled': 'Enrolled; {n} tokens fetched.',
  'js.refilled': '{n} tokens fetched.',
  'js.forgotten': 'The enrollment code was removed from this phone.',
  'js.restored': '{n} posts restored.',
  'js.receipt': 'Receipt',
  'js.removePost': 'Remove from this phone',
  'js.confirmRemove':
    'Remove this record from the phone? Unless you saved the receipt elsewhere it cannot be recovered.',
  'js.confirmForget':
    'Remove the enrollment code from this phone? You will need to type it again to fetch tokens.',
  'js.error.generic': 'Something went wrong; try again later.',
  'js.error.NETWORK':
    'The connection dropped. Your draft is kept on this phone; try again when you are online.',
  'js.error.NO_TOKENS': 'No tokens left; they are topped up automatically at a random time.',
  'js.error.NOT_ENROLLED': 'This phone is not enrolled yet: enter your enrollment code to fetch tokens.',
  'js.error.MAYBE_SENT':
    'The last attempt may have gone through (the server received it before the connection dropped). Check the appeals list first; if it is not there, press "Send anonymously" again.',
  'js.error.CODE_UNKNOWN': 'That enrollment code is not right; check it and type it again.',
  'js.error.CODE_EXPIRED': 'That enrollment code has expired; ask for a new one.',
  'js.error.CODE_REVOKED': 'That enrollment code was revoked; ask for a new one.',
  'js.error.CREDENTIAL_REQUIRED': 'Enter your enrollment code.',
  'js.error.TOKEN_BUDGET_EXCEEDED': "This period's tokens are all fetched; more come in the next period.",
  'js.error.RATE_LIMITED': 'Too many attempts; try again later.',
  'js.error.VALIDATION_FAILED':
    'The title or text does not fit: a title of up to 120 characters and a text of up to 5000, neither empty.',
  'js.error.BODY_TOO_LARGE': 'The text is too long; shorten it and try again.',
  'js.error.ISSUER_KEY_UNAVAILABLE': 'The token service is unavailable; try again later.',
  'js.error.BACKUP_LINES': 'Line(s) {lines} could not be read; check them and try again.',
};
