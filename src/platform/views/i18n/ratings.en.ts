import type { ratingsZh } from './ratings.zh-CN.js';

/** English messages of the department evaluation pages; the type makes a missing or extra key an error. */
export const ratingsEn: Record<keyof typeof ratingsZh, string> = {
  'ratings.title': 'Department ratings',
  'ratings.intro':
    'Each quarter workers rate, anonymously, the departments they dealt with: responsiveness, fairness and result, 1–5 each. One rating per worker per department per quarter; ratings cannot be linked to each other or to you.',
  'ratings.rule':
    'Departments with fewer than {k} ratings show no scores and no comments. The ranking uses a smoothed score: every department starts with {w} ratings at the bureau mean, so a few perfect scores cannot top the table.',
  'ratings.period': 'Period',
  'ratings.show': 'Show',
  'ratings.previous': 'Previous quarter',
  'ratings.rank': 'Rank',
  'ratings.department': 'Department',
  'ratings.count': 'Ratings',
  'ratings.mean': 'Mean',
  'ratings.smoothed': 'Smoothed',
  'ratings.answerRate': 'Appeals answered',
  'ratings.medianHours': 'Median hours to first answer',
  'ratings.tooFew': 'Fewer than {k} ratings',
  'ratings.bureau': 'Bureau: {n} ratings, mean {mean} (shown departments only)',
  'ratings.none': '—',
  'ratings.criterion.responsiveness': 'Responsiveness',
  'ratings.criterion.fairness': 'Fairness',
  'ratings.criterion.result': 'Result',
  'ratings.scores': "Workers' ratings",
  'ratings.facts': 'Appeals handled (this quarter)',
  'ratings.appeals': 'Appeals',
  'ratings.answered': 'Answered',
  'ratings.commitmentsKept': 'Commitments kept / made',
  'ratings.satisfaction': 'Satisfied (rated appeals)',
  'ratings.comments': 'Comments',
  'ratings.commentsHidden': 'Fewer than {k} ratings this quarter: comments are not shown yet.',
  'ratings.noComments': 'No comments yet.',
  'ratings.reply': 'Answer from the department ({by})',
  'ratings.moreComments': 'More comments',
  'ratings.rateHeading': 'Rate this department',
  'ratings.rateHelp':
    "A rating spends this department's own token for the quarter (one per worker, eligibility checked when you fetch it, unlinkable when you spend it). Rate from the Zhitong phone app, or through these endpoints:",
  'ratings.rateEnded': 'This is a past period; it can no longer be rated.',
  'ratings.back': 'Back to department ratings',
};
