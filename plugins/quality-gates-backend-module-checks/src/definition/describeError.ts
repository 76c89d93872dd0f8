/**
 * An error's message, with the reason fetch hides in `cause` (ECONNREFUSED,
 * ENOTFOUND, a certificate problem). Checked by shape, not `instanceof`:
 * fetch's errors may come from another realm.
 */
export function describeError(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  const cause = error.cause;
  if (!isErrorLike(cause)) return error.message;
  // Name the code (ECONNRESET, CERT_HAS_EXPIRED) unless the message does.
  const code =
    typeof cause.code === 'string' && !cause.message.includes(cause.code)
      ? `${cause.code}: `
      : '';
  return `${error.message} (${code}${cause.message})`;
}

function isErrorLike(
  value: unknown,
): value is { message: string; cause?: unknown; code?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
