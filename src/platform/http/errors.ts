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
