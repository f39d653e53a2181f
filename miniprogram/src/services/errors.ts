/** User-facing Chinese text per contract error code (shared/errors.ts); never show raw messages. */
export const ERROR_TEXT: Record<string, string> = {
  INVALID_ARGUMENT: '请求参数有误，请重试',
  UNAUTHENTICATED: '请先登录',
  PERMISSION_DENIED: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已下架',
  SOLD_OUT: '已售罄',
  LIMIT_REACHED: '已达到领取或购买上限',
  GROUP_FULL: '该团已满员，可以自己开个团',
  ALREADY_JOINED: '你已经在这个团里了',
  EXPIRED: '已过期',
  NOT_ELIGIBLE: '不符合参与条件',
  CONFLICT: '操作冲突，请稍后重试',
  FAILED_PRECONDITION: '当前状态不支持此操作',
  INTERNAL: '系统繁忙，请稍后重试',
  NETWORK: '网络异常，请检查网络后重试',
  TIMEOUT: '处理超时，请稍后查看结果再重试',
  CANCELLED: '已取消',
};

/** The platform's errCode when a cloud function outlived its time limit (wx.cloud.callFunction fails with it). */
export const FUNCTION_TIMEOUT_ERRCODE = -504003;

/**
 * The code of a call the platform failed (no envelope came back): TIMEOUT when the function ran
 * past its time limit — it may have done its work, so the app says "check, then retry" — else
 * NETWORK. Both builds use it: weapp on `callFunction`'s rejection, h5 on the local cloud's HTTP 504.
 * @example transportErrorCode({ errCode: -504003 }) // 'TIMEOUT'
 */
export function transportErrorCode(failure: unknown): 'TIMEOUT' | 'NETWORK' {
  const errCode = failure && typeof failure === 'object' ? (failure as { errCode?: unknown }).errCode : undefined;
  return errCode === FUNCTION_TIMEOUT_ERRCODE ? 'TIMEOUT' : 'NETWORK';
}

/** An `{ok:false}` reply (or a transport failure, code NETWORK) from a cloud function. */
export class CloudError extends Error {
  readonly code: string;
  readonly detail: string;
  constructor(code: string, detail = '') {
    super(ERROR_TEXT[code] || ERROR_TEXT.INTERNAL);
    this.name = 'CloudError';
    this.code = code;
    this.detail = detail;
  }
}

/** Chinese text for any thrown value. */
export function errorText(e: unknown): string {
  if (e instanceof CloudError) return ERROR_TEXT[e.code] || ERROR_TEXT.INTERNAL;
  return ERROR_TEXT.INTERNAL;
}

export function errorCode(e: unknown): string {
  return e instanceof CloudError ? e.code : 'INTERNAL';
}
