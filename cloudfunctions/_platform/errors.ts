/** Reading the service's error codes off what the SDK throws. */

/** The SDK throws errors carrying the service's `code`; read it without trusting the shape. */
export function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** True for an insert refused because the `_id` exists. */
export function isDuplicateWrite(err: unknown): boolean {
  return errorCode(err) === 'DATABASE_DUPLICATE_WRITE';
}

/** True for a transaction aborted by a concurrent one (retryable). */
export function isTransactionConflict(err: unknown): boolean {
  return errorCode(err) === 'DATABASE_TRANSACTION_CONFLICT';
}
