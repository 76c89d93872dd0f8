import { InputError } from '@backstage/errors';

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
    .toLocaleLowerCase('en-US');

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

  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new InputError(
      `The webhook body is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError('The webhook body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
