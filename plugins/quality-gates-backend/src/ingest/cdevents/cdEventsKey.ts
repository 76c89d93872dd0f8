import { createHash } from 'node:crypto';

/** The width of the `external_id` columns. */
const MAX_KEY_LENGTH = 255;

/**
 * The external id of a row CDEvents create, from the parts that identify
 * it, joined with `/` so that another system can compute it (e.g. to name a
 * deployment as an incident's cause through the JSON API):
 * `<service source>/<service id>/<environment>/<artifact purl>`.
 *
 * Ids longer than the column are replaced by `sha256:<hex>` of the same
 * text: still deterministic, so redelivery and lookups agree.
 */
export function cdEventsKey(parts: string[]): string {
  const key = parts.join('/');
  return key.length <= MAX_KEY_LENGTH
    ? key
    : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
