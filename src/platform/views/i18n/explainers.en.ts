import type { explainersZh } from './explainers.zh-CN.js';

/** English messages of the policy explainer pages; complete by type. */
export const explainersEn: Record<keyof typeof explainersZh, string> = {
  'explainers.title': 'Policy explainers',
  'explainers.intro':
    'Departments explain the policies they apply. Every edit is kept as a new version, and the history is public.',
  'explainers.search': 'Search explainers',
  'explainers.searchButton': 'Search',
  'explainers.empty': 'No explainers yet.',
  'explainers.more': 'More',
  'explainers.effective': 'In force from {date}',
  'explainers.version': 'Version {n}',
  'explainers.versions': 'Version history',
  'explainers.editedBy': '{name} ({role})',
  'explainers.firstVersion': 'First published',
  'explainers.answers': 'Hot topic face to face: appeals this explainer answers',
  'explainers.questions': 'Questions from workers',
  'explainers.noQuestions': 'No questions yet.',
  'explainers.ask': 'A question?',
  'explainers.askHelp':
    'A question asked under this explainer goes to {department} as an anonymous appeal, spends one anonymous token and is listed here once published.',
  'explainers.noscript':
    'Asking spends an anonymous token from the wallet on your phone, so it needs JavaScript and an enrolled wallet (see "My tokens").',
  'explainers.questionTitle': 'Question title',
  'explainers.questionBody': 'Your question',
  'explainers.askCost':
    'Sending spends one anonymous token. You then see a receipt, kept only on this phone under "My posts".',
  'explainers.askSend': 'Ask anonymously',
  'explainers.back': 'Back to policy explainers',
  'explainers.onAppeal': 'Related policy explainers',
};
