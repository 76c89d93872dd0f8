import { CustomErrorBase, InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';
import { requireStorableText } from './storableText';

/**
 * Deepest nesting of arrays and objects a JSON body may have. The deepest
 * payload read (OTLP JSON attributes holding lists of lists) needs about
 * 20; deeper bodies are refused before parsing, so no recursive walk over
 * them (ours, a validator's, a library's) can exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** 413: the body is larger than the route accepts. */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly statusCode = 413;
}

/**
 * Reads the body as raw bytes (inflating gzip or deflate) up to `limit`
 * (body-parser syntax, e.g. `5mb`); larger bodies get a 413 that names the
 * setting that raises it. Other failures keep body-parser's status (400,
 * 415).
 */
export function limitedRawBody(limit: string, setting: string): RequestHandler {
  const read = express.raw({ type: () => true, limit });
  return (req, res, next) =>
    read(req, res, error => {
      if (error?.type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            `The body is too large: more than ${limit}, the most this route accepts (${setting})`,
          ),
        );
      } else {
        next(error);
      }
    });
}

/**
 * Reads a JSON body up to `limit`: 413 above it; 400 when it is nested
 * deeper than MAX_JSON_DEPTH, is not JSON, or holds a string that cannot be
 * stored (NUL, lone surrogate), naming where. With `jsonOnly`, bodies of other media types are read (and limited) but
 * left unparsed, for a validator to refuse their type.
 */
export function jsonBody(options: {
  limit: string;
  setting: string;
  jsonOnly?: boolean;
}): RequestHandler {
  const read = limitedRawBody(options.limit, options.setting);
  return (req, res, next) =>
    read(req, res, error => {
      if (error) {
        next(error);
        return;
      }
      const raw: unknown = req.body;
      if (options.jsonOnly && !isJsonRequest(req)) {
        req.body = undefined;
        next();
        return;
      }
      try {
        // An empty body reads as `{}`, as body-parser reads it.
        const body =
          Buffer.isBuffer(raw) && raw.length > 0 ? parseJson(raw) : {};
        requireStorableText(body);
        req.body = body;
        next();
      } catch (parseError) {
        next(parseError);
      }
    });
}

function isJsonRequest(req: express.Request): boolean {
  const mediaType = (req.header('content-type') ?? 'application/json')
    .split(';')[0]
    .trim()
    .toLowerCase();
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * Parses JSON text once its nesting is known to be at most MAX_JSON_DEPTH;
 * 400 otherwise, or when it is not JSON. `what` names it in the message.
 */
export function parseJson(raw: Buffer | string, what = 'The body'): unknown {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
    throw new InputError(
      `${what} is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`,
    );
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new InputError(
      `${what} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, read byte
 * by byte without building anything: brackets inside strings do not count.
 * Invalid JSON is left for the parser to refuse.
 */
export function nestsDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
