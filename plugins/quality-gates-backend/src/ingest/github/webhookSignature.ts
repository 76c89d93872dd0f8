import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks GitHub's `X-Hub-Signature-256` header: `sha256=` and the hex
 * HMAC-SHA256 of the raw request body, keyed with the webhook secret. Any of
 * `secrets` may match, so a secret can be rotated without dropping events.
 *
 * Computed over the exact bytes received (not a re-serialised or decoded
 * string), and compared in constant time.
 */
export function isValidWebhookSignature(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  secrets: string[],
): boolean {
  const match = signatureHeader ? SIGNATURE_FORMAT.exec(signatureHeader) : null;
  if (!match) {
    return false;
  }
  const received = Buffer.from(match[1], 'hex');
  return secrets.some(secret => {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    return timingSafeEqual(received, expected);
  });
}
