import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error a client can see: stable code → HTTP status and a message in Chinese and English. */
const catalogue = {
  BAD_REQUEST: [400, '请求格式不正确', 'The request is malformed'],
  MALFORMED_JSON: [400, '请求体不是有效的 JSON', 'The request body is not valid JSON'],
  VALIDATION_FAILED: [422, '提交的内容不符合要求', 'Some fields are missing or invalid'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的内容类型', 'Unsupported Content-Type'],
  BODY_TOO_LARGE: [413, '提交的内容过大', 'The request body is too large'],
  NOT_FOUND: [404, '找不到该页面或资源', 'No such page or resource'],
  METHOD_NOT_ALLOWED: [405, '不支持该请求方法', 'Method not allowed'],
  RATE_LIMITED: [429, '请求过于频繁，请稍后再试', 'Too many requests, try again later'],
  INTERNAL: [500, '服务器内部错误', 'Internal server error'],
  // anonymous credentials
  TOKEN_REQUIRED: [401, '需要匿名凭证', 'An anonymous token is required'],
  TOKEN_MALFORMED: [401, '匿名凭证格式错误', 'The token cannot be parsed'],
  TOKEN_WRONG_TYPE: [401, '匿名凭证类型不受支持', 'Unsupported token type'],
  TOKEN_WRONG_CHALLENGE: [
    401,
    '匿名凭证不是为本站签发的',
    'The token was issued for another origin or challenge',
  ],
  TOKEN_UNKNOWN_KEY: [401, '匿名凭证的签发密钥未知或已停用', 'The token key is unknown or retired'],
  TOKEN_BAD_SIGNATURE: [401, '匿名凭证签名无效', 'The token signature is invalid'],
  TOKEN_ALREADY_SPENT: [409, '该匿名凭证已使用过', 'This token has already been spent'],
  CREDENTIAL_REQUIRED: [401, '需要资格凭证（企业账号或登记码）', 'An eligibility credential is required'],
  CREDENTIAL_INVALID: [401, '资格凭证无效', 'The eligibility credential is invalid'],
  CODE_UNKNOWN: [401, '登记码无效', 'Unknown enrollment code'],
  CODE_EXPIRED: [401, '登记码已过期', 'The enrollment code has expired'],
  CODE_REVOKED: [401, '登记码已被撤销', 'The enrollment code has been revoked'],
  OIDC_NOT_CONFIGURED: [401, '未配置企业身份认证', 'Company sign-in is not configured'],
  TOKEN_BUDGET_EXCEEDED: [429, '本周期可领取的匿名凭证已用完', 'Token budget for this period is used up'],
  TOKEN_BATCH_TOO_LARGE: [400, '一次请求的凭证数量过多', 'Too many tokens requested at once'],
  TOKEN_REQUEST_INVALID: [400, '凭证请求无效', 'The token request is invalid'],
  ISSUER_KEY_UNAVAILABLE: [503, '签发密钥暂不可用', 'No issuer key is available'],
  RECEIPT_INVALID: [403, '回执码不正确', 'The receipt does not match'],
  // staff
  STAFF_AUTH_REQUIRED: [401, '请先登录', 'Sign in first'],
  STAFF_FORBIDDEN: [403, '您的角色无权执行此操作', 'Your role may not do this'],
  SIGNIN_FAILED: [401, '用户名或密码不正确', 'Wrong username or password'],
  CSRF_FAILED: [403, '请求来源不可信', 'Cross-site request refused'],
  PASSWORD_CHANGE_REQUIRED: [403, '请先修改一次性密码', 'Change your one-time password first'],
  PASSWORD_TOO_WEAK: [
    422,
    '新密码至少 12 个字符，且不能与旧密码相同',
    'The new password needs 12+ characters and must differ from the old one',
  ],
  // domain
  CATEGORY_NOT_FOUND: [422, '分类不存在', 'No such category'],
  DEPARTMENT_NOT_FOUND: [422, '部门不存在', 'No such department'],
  APPEAL_NOT_FOUND: [404, '诉求不存在', 'No such appeal'],
  // appeals
  APPEAL_NOT_ASSIGNED: [409, '该诉求尚未分派到责任部门', 'The appeal has no responsible department yet'],
  APPEAL_CLOSED: [409, '该诉求已办结或已撤回', 'The appeal is closed or withdrawn'],
  APPEAL_STATE_CONFLICT: [409, '该诉求当前的状态不允许此操作', "Not possible in the appeal's current state"],
  NOT_RESPONSIBLE: [403, '您所在的部门不负责此诉求', 'Your department is not responsible for this appeal'],
  COMMITMENT_NOT_FOUND: [404, '承诺不存在', 'No such commitment'],
  COMMITMENT_SETTLED: [409, '该承诺已登记结果', 'This commitment already has an outcome'],
  DATE_IN_PAST: [422, '承诺日期不能早于今天', 'A promised date cannot be in the past'],
  VERDICT_ALREADY_GIVEN: [409, '本轮答复已经评价过', "This round's answer has already been rated"],
  ROUTING_RULE_NOT_FOUND: [404, '分派规则不存在', 'No such routing rule'],
  CALENDAR_DAY_NOT_FOUND: [404, '该日期没有特别安排', 'No calendar exception on that day'],
  WEBHOOK_NOT_FOUND: [404, '推送地址不存在', 'No such webhook'],
  NOTIFICATION_NOT_FOUND: [404, '通知不存在', 'No such notification'],
  CURSOR_INVALID: [400, '分页游标无效', 'The page cursor is invalid'],
  // surveys, forum, notices
  SURVEY_NOT_FOUND: [404, '调查不存在', 'No such survey'],
  SURVEY_NOT_OPEN: [409, '调查不在答题时间内', 'The survey is not open for answers'],
  SURVEY_PUBLISHED: [409, '调查已发布，不能再次发布', 'The survey is already published'],
  SURVEY_CLOSED: [409, '调查已结束', 'The survey has closed'],
  SURVEY_ANSWERS_INVALID: [422, '答案与问卷题目不符', 'The answers do not fit the questions'],
  SURVEY_RESULTS_HIDDEN: [403, '调查结束后才公布结果', 'Results are published when the survey closes'],
  SURVEY_TOKEN_ISSUED: [
    429,
    '本调查的答题凭证已领取过（每人一份）',
    "This survey's token was already issued to you (one per worker)",
  ],
  DEPARTMENT_FORBIDDEN: [403, '您不能代表该部门操作', 'You may not act for this department'],
  THREAD_NOT_FOUND: [404, '帖子不存在', 'No such thread'],
  QUOTED_REPLY_NOT_FOUND: [422, '引用的回帖不在本帖中', 'The quoted reply is not in this thread'],
  NOTICE_NOT_FOUND: [404, '公告不存在', 'No such notice'],
  NOTICE_APPEAL_NOT_FOUND: [422, '关联的诉求不存在', 'A linked appeal does not exist'],
  FORUM_BOARD_NOT_FOUND: [422, '版块不存在', 'No such forum board'],
  FORUM_BOARD_SLUG_TAKEN: [409, '版块标识已被使用', 'That board slug is taken'],
  REPLY_NOT_FOUND: [404, '回帖不存在', 'No such reply'],
  EXPLAINER_NOT_FOUND: [404, '政策解读不存在', 'No such policy explainer'],
  EXPLAINER_APPEAL_NOT_FOUND: [
    422,
    '关联的诉求不存在或尚未公开',
    'A linked appeal does not exist or is not public',
  ],
  EXPLAINER_VERSION_CONFLICT: [
    409,
    '解读已被他人修改，请基于最新版本编辑',
    'The explainer was edited meanwhile; edit the latest version',
  ],
  // department ratings
  RATING_DEPARTMENT_NOT_FOUND: [404, '部门不存在', 'No such department'],
  RATING_PERIOD_CLOSED: [
    409,
    '只能评价当前季度，该评价期已结束或尚未开始',
    'Only the current period can be rated',
  ],
  RATING_NOT_OPEN: [
    409,
    '该部门本季度的评价尚未开放，请几分钟后再试',
    "This department's rating for the period is not open yet; try again in a few minutes",
  ],
  RATING_TOKEN_ISSUED: [
    429,
    '本季度对该部门的评价凭证已领取过（每人一份）',
    "This department's rating token for the period was already issued to you (one per worker)",
  ],
  RATING_COMMENT_NOT_FOUND: [404, '评价留言不存在或尚未公开', 'No such published rating comment'],
  RATING_REPLY_EXISTS: [409, '该留言已经答复过', 'This comment has already been answered'],
  // moderation
  ITEM_NOT_FOUND: [404, '内容不存在或尚未公开', 'No such published item'],
  ITEM_ALREADY_HIDDEN: [409, '该内容已被隐藏', 'This item is already hidden'],
  MODERATION_CONFLICT: [
    409,
    '该内容的审核状态已变化，请刷新后再试',
    "The item's moderation state has changed; reload",
  ],
  MODERATION_OWN_DECISION: [
    403,
    '申诉须由另一位审核员处理',
    'A contest must be decided by someone other than who hid the item',
  ],
  CONTEST_NOT_ALLOWED: [
    409,
    '该内容未被隐藏，或已提出过申诉',
    'The item is not hidden, or already contested',
  ],
  // admin
  STAFF_NOT_FOUND: [404, '工作人员账号不存在', 'No such staff account'],
  USERNAME_TAKEN: [409, '用户名已被使用', 'That username is taken'],
  RESPONDER_NEEDS_DEPARTMENT: [
    422,
    '答复人员至少要属于一个部门',
    'A responder needs at least one department',
  ],
  ADMIN_SELF_LOCKOUT: [
    409,
    '不能停用或降级自己，也不能移除最后一位管理员',
    'You cannot disable or demote yourself or the last admin',
  ],
  CODE_BATCH_NOT_FOUND: [404, '登记码批次不存在', 'No such enrollment-code batch'],
  TOTP_REQUIRED: [401, '请输入动态验证码', 'Enter the code from your authenticator app'],
  TOTP_INVALID: [401, '动态验证码不正确或已使用', 'The authenticator code is wrong or was already used'],
  TOTP_ENROLMENT_REQUIRED: [
    401,
    '您的角色须启用动态验证码：请用验证器扫描后输入验证码',
    'Your role requires an authenticator: scan the secret, then sign in with a code',
  ],
  TOTP_ALREADY_ENROLLED: [
    409,
    '已启用动态验证码；如需更换请联系管理员',
    'An authenticator is already enrolled; ask an admin to reset it',
  ],
  TOTP_TICKET_INVALID: [422, '验证器绑定已过期，请重新开始', 'The enrolment expired; start again'],
  STAFF_OIDC_INVALID: [401, '企业账号登录凭证无效', 'The company sign-in token is invalid'],
  STAFF_OIDC_UNBOUND: [
    401,
    '该企业账号未绑定工作人员账号',
    'No active staff account is bound to this company account',
  ],
  OIDC_SUBJECT_TAKEN: [
    409,
    '该企业账号已绑定其他工作人员',
    'That company account is bound to another member',
  ],
  SLUG_TAKEN: [409, '该简称已被使用', 'That slug is taken'],
  DEPARTMENT_CYCLE: [
    409,
    '不能把部门移到它自己或其下级部门之下',
    'A department cannot move under itself or one of its sub-departments',
  ],
  DEPARTMENT_HAS_APPEALS: [
    409,
    '该部门有诉求记录，不能删除',
    'The department has appeals and cannot be deleted',
  ],
  DEPARTMENT_IN_USE: [
    409,
    '该部门仍有下级部门、人员、分类或其他记录，不能删除',
    'The department still has sub-departments, staff, categories or other records',
  ],
  // analytics
  ALERT_NOT_FOUND: [404, '预警不存在', 'No such alert'],
  ALERT_CLOSED: [409, '该预警已关闭', 'This alert is already closed'],
  DICTIONARY_ENTRY_EXISTS: [409, '词典中已有该词', 'This word is already in the dictionary'],
  DICTIONARY_ENTRY_NOT_FOUND: [404, '词典中没有该条目', 'No such dictionary entry'],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string, string]>;

export type ErrorCode = keyof typeof catalogue;

/**
 * The one error type of the app; the code decides status and message.
 * @example throw new AppError('APPEAL_NOT_FOUND')
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
  get status(): ContentfulStatusCode {
    return catalogue[this.code][0];
  }
}

export function errorStatus(code: ErrorCode): ContentfulStatusCode {
  return catalogue[code][0];
}

/** The message in the reader's language: English if Accept-Language prefers it, Chinese otherwise. */
export function errorMessage(code: ErrorCode, acceptLanguage: string | undefined): string {
  const [, zh, en] = catalogue[code];
  return prefersEnglish(acceptLanguage) ? en : zh;
}

export function prefersEnglish(acceptLanguage: string | undefined): boolean {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

export function errorBody(code: ErrorCode, acceptLanguage: string | undefined, details?: unknown) {
  return { error: { code, message: errorMessage(code, acceptLanguage), ...(details ? { details } : {}) } };
}
