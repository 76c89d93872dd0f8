import { InputError } from '@backstage/errors';
import { parseJson } from '../../input/requestBody';
import { requireStorableText } from '../../input/storableText';

/**
 * Reads a webhook body as a JSON object. GitHub sends either the JSON itself
 * (content type `json`) or, the default for repository webhooks, a form
 * with the JSON in its `payload` field (content type `form`).
 */
export function parseWebhookPayload(
  rawBody: Buffer,
  contentType: string | undefined,
): Record<string, unknown> {
  const mediaType = (contentType ?? 'application/json')
    .split(';')[0]
    .trim()
    .toLowerCase();

  let json: string;
  if (mediaType === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(rawBody.toString('utf8')).get(
      'payload',
    );
    if (payload === null) {
      throw new InputError(
        'The form-encoded webhook body has no payload field',
      );
    }
    json = payload;
  } else if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    json = rawBody.toString('utf8');
  } else {
    throw new InputError(
      `Unsupported Content-Type '${mediaType}': send application/json or application/x-www-form-urlencoded`,
    );
  }

  const parsed = parseJson(json, 'The webhook body');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError('The webhook body must be a JSON object');
  }
  // Mapped fields are stored: every string must be storable.
  requireStorableText(parsed);
  return parsed as Record<string, unknown>;
}
