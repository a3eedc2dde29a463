/** Chinese messages of the policy explainer pages (政策解读). */
export const explainersZh = {
  'explainers.title': '政策解读',
  'explainers.intro': '各部门对政策的解读。每次修改都会保留为新版本，历史版本向所有人公开。',
  'explainers.search': '搜索政策解读',
  'explainers.searchButton': '搜索',
  'explainers.empty': '还没有政策解读。',
  'explainers.more': '更多',
  'explainers.effective': '{date} 起施行',
  'explainers.version': '第 {n} 版',
  'explainers.versions': '版本历史',
  'explainers.editedBy': '{name}（{role}）',
  'explainers.firstVersion': '首次发布',
  'explainers.answers': '现实热点面对面：本解读回应的诉求',
  'explainers.questions': '职工提问',
  'explainers.noQuestions': '还没有提问。',
  'explainers.ask': '有疑问？',
  'explainers.askHelp':
    '在本解读下提问会作为一条匿名诉求发给{department}，消耗一个匿名令牌，并在这里列出。请使用“匿名发帖”或开放接口提问。',
  'explainers.back': '返回政策解读',
  'explainers.onAppeal': '相关政策解读',
} as const;
