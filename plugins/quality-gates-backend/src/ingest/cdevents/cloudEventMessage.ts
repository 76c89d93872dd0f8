import { InputError } from '@backstage/errors';
import { CloudEvent, HTTP, ValidationError } from 'cloudevents';
import { parseJson } from '../../input/requestBody';
import { requireStorableText } from '../../input/storableText';

/** Most events one batch-mode request may carry; each is its own transaction. */
export const MAX_EVENTS_PER_BATCH = 100;

const STRUCTURED = 'application/cloudevents+json';
const BATCH = 'application/cloudevents-batch+json';

/**
 * Reads the CloudEvents of one HTTP request, in any of the HTTP binding's
 * content modes:
 *
 * - structured: `Content-Type: application/cloudevents+json`, the body is
 *   the event with the CDEvent in `data`;
 * - batch: `Content-Type: application/cloudevents-batch+json`, a JSON array
 *   of structured events;
 * - binary: `ce-specversion`, `ce-id`, `ce-source`, `ce-type` headers, the
 *   body is the CDEvent itself (`Content-Type: application/json`).
 *
 * The SDK's `HTTP.toEvent` does the binding, but it does not validate
 * structured or binary events (it even invents a missing id), matches the
 * content type literally (a `;charset=utf-8` without a space defeats it) and
 * reports bad JSON as a bare SyntaxError. So the body is parsed here first,
 * the content type is handed over without parameters, and every event is
 * validated against the CloudEvents schema; what is wrong ends up in an
 * InputError (400) that names the attribute.
 */
export function cloudEventsFromRequest(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer | undefined,
): CloudEvent<unknown>[] {
  const flatHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flatHeaders[name.toLowerCase()] = Array.isArray(value)
        ? value.join(', ')
        : value;
    }
  }
  const mediaType = (flatHeaders['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();

  const isBinary = !mediaType.startsWith('application/cloudevents');
  if (isBinary && !flatHeaders['ce-id']) {
    throw new InputError(
      `Not a CloudEvent: send Content-Type ${STRUCTURED} (structured mode), ${BATCH} (batch mode), or the CDEvent as application/json with ce-specversion, ce-id, ce-source and ce-type headers (binary mode)`,
    );
  }
  if (isBinary && mediaType && !isJsonMediaType(mediaType)) {
    throw new InputError(
      `Unsupported Content-Type '${mediaType}' in binary mode: the CDEvent must be sent as application/json`,
    );
  }

  if (isBinary) {
    // Binary mode carries the attributes in ce-* headers.
    requireStorableText(
      Object.fromEntries(
        Object.entries(flatHeaders).filter(([name]) => name.startsWith('ce-')),
      ),
      'headers',
    );
  }
  const body = parseBody(rawBody);

  if (mediaType === BATCH) {
    if (!Array.isArray(body)) {
      throw new InputError(
        'A CloudEvents batch must be a JSON array of structured events',
      );
    }
    if (body.length === 0 || body.length > MAX_EVENTS_PER_BATCH) {
      throw new InputError(
        `A CloudEvents batch must hold 1 to ${MAX_EVENTS_PER_BATCH} events, not ${body.length}`,
      );
    }
    // One structured event at a time, so an error can say which one.
    return body.map((element, index) =>
      structuredEvent(element, `Event ${index} of the batch`),
    );
  }
  if (mediaType === STRUCTURED) {
    return [structuredEvent(body, 'The CloudEvent')];
  }
  if (!isBinary) {
    throw new InputError(
      `Unsupported Content-Type '${mediaType}': use ${STRUCTURED} or ${BATCH}`,
    );
  }
  return [
    toValidEvent(
      {
        ...flatHeaders,
        // Binary-mode data is the CDEvent as JSON, already parsed above.
        'content-type': 'application/json',
      },
      body,
      'The CloudEvent',
    ),
  ];
}

function structuredEvent(element: unknown, label: string) {
  if (
    typeof element !== 'object' ||
    element === null ||
    Array.isArray(element)
  ) {
    throw new InputError(`${label} must be a JSON object`);
  }
  const attributes = element as Record<string, unknown>;
  // The SDK would make up an id, and the id is what makes redelivery safe.
  if (typeof attributes.id !== 'string' || attributes.id === '') {
    throw new InputError(`${label} has no id attribute`);
  }
  return toValidEvent({ 'content-type': STRUCTURED }, attributes, label);
}

function toValidEvent(
  headers: Record<string, string>,
  body: unknown,
  label: string,
): CloudEvent<unknown> {
  let event: CloudEvent<unknown>;
  try {
    event = HTTP.toEvent({ headers, body }) as CloudEvent<unknown>;
    event.validate();
  } catch (error) {
    throw new InputError(`${label} is invalid: ${describeProblem(error)}`);
  }
  if (event.specversion !== '1.0') {
    throw new InputError(
      `${label} has specversion '${event.specversion}'; CDEvents are carried by CloudEvents 1.0`,
    );
  }
  return event;
}

/**
 * The body as JSON, its depth bounded before parsing (the SDK walks
 * attributes recursively), every string storable.
 */
function parseBody(rawBody: Buffer | undefined): unknown {
  if (!rawBody || rawBody.length === 0) {
    throw new InputError('The request has no body');
  }
  const body = parseJson(rawBody);
  requireStorableText(body);
  return body;
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** The SDK's validation errors carry ajv's findings; say them plainly. */
function describeProblem(error: unknown): string {
  if (error instanceof ValidationError && error.errors?.length) {
    return error.errors
      .map(finding => {
        if (typeof finding !== 'object' || finding === null) {
          return String(finding);
        }
        const { instancePath, message } = finding as {
          instancePath?: string;
          message?: string;
        };
        const attribute = instancePath?.replace(/^\//, '');
        return attribute ? `${attribute} ${message}` : String(message);
      })
      .join('; ');
  }
  return (error as Error).message.split('\n')[0];
}
