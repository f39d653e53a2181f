/**
 * Stable error codes of the function contract. The mini-program picks user-facing text by code;
 * tests assert codes, never message text.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'SOLD_OUT',
  'LIMIT_REACHED',
  'GROUP_FULL',
  'ALREADY_JOINED',
  'EXPIRED',
  'NOT_ELIGIBLE',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'INTERNAL',
] as const;

/** One of the contract's error codes, e.g. `'SOLD_OUT'`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error half of the reply envelope. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** The reply envelope every function answers with: `{ok:true,data}` or `{ok:false,error}`. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/**
 * An expected business outcome that ends an action with `{ok:false}`.
 * Throw it from a use case; the platform handler turns it into the envelope.
 * @example throw new AppError('SOLD_OUT', 'stock is 0 for sku s1')
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    // An expected outcome, answered in the envelope and never logged with a trace: capturing the
    // stack (deep under a call's async frames) cost more than some whole refusals (issue 9).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
    this.code = code;
  }
}

/** True when `x` is an {@link AppError}. */
export function isAppError(x: unknown): x is AppError {
  return x instanceof AppError;
}
