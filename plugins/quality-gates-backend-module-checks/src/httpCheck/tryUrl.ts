import { describeError } from '../definition/describeError';
import { HostGuard } from './hostGuard';
import {
  describeExpectedStatus,
  ExpectedStatus,
  statusAccepted,
} from './expectedStatus';

/** How much of a body is read, to look for text and time the answer. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;

/** What one try of one URL saw. */
export interface HttpCheckAttempt {
  attempt: number;
  passed: boolean;
  /** The final status, after redirects. */
  status?: number;
  /** From sending the request to the end of the body (or the give-up). */
  latencyMs: number;
  /** Why it did not pass. */
  error?: string;
  /** Where redirects led, in order, when there were any. */
  redirects?: string[];
}

/** How to try a URL; the definition with the settings applied. */
export interface TryOptions {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  expectStatus: ExpectedStatus;
  maxLatencyMs?: number;
  /** How long a try waits: `maxLatencyMs`, or the configured timeout. */
  timeoutMs: number;
  bodyContains?: string;
  followRedirects: boolean;
  guard: HostGuard;
  fetch: typeof fetch;
}

/**
 * Abandoned because the evaluation was: not a failure of the URL, so the
 * criterion must not be judged on it.
 */
export class CheckAbandonedError extends Error {
  constructor(reason: unknown) {
    super(`The check was abandoned: ${describeError(reason)}`);
    this.name = 'CheckAbandonedError';
  }
}

/**
 * One try: the request (following redirects), the status, the body as far
 * as needed, timed. A failure of the URL — refused, slow, wrong status,
 * missing text — is a try that did not pass; only the evaluation's abort
 * throws.
 */
export async function tryUrl(
  url: string,
  attempt: number,
  options: TryOptions,
  signal?: AbortSignal,
): Promise<HttpCheckAttempt> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const redirects: string[] = [];
  const result = (
    rest: Omit<HttpCheckAttempt, 'attempt' | 'passed' | 'latencyMs'> & {
      latencyMs?: number;
    },
  ): HttpCheckAttempt => ({
    attempt,
    passed: rest.error === undefined,
    latencyMs: elapsed(),
    ...rest,
    ...(redirects.length > 0 ? { redirects } : {}),
  });

  // Kept for the evidence when the body then does not arrive in time.
  let status: number | undefined;
  try {
    let target = new URL(url);
    let response: Response;
    for (;;) {
      response = await options.fetch(target, {
        method: options.method,
        headers: options.headers,
        redirect: 'manual',
        signal: combined,
      });
      status = response.status;
      const location = response.headers.get('location');
      if (
        !options.followRedirects ||
        response.status < 300 ||
        response.status >= 400 ||
        !location
      ) {
        break;
      }
      await response.body?.cancel();
      if (redirects.length === MAX_REDIRECTS) {
        return result({
          status: response.status,
          error: `more than ${MAX_REDIRECTS} redirects`,
        });
      }
      target = new URL(location, target);
      status = undefined;
      redirects.push(target.toString());
      const refusal = options.guard.refusal(target);
      if (refusal) {
        return result({
          status: response.status,
          error: `redirected to ${target}, which is not checked: ${refusal}`,
        });
      }
    }

    const body =
      options.method === 'HEAD' ? '' : await readBody(response, combined);
    const latencyMs = elapsed();
    if (!statusAccepted(response.status, options.expectStatus)) {
      return result({
        status,
        latencyMs,
        error: `status ${status}, expected ${describeExpectedStatus(
          options.expectStatus,
        )}`,
      });
    }
    if (
      options.maxLatencyMs !== undefined &&
      latencyMs > options.maxLatencyMs
    ) {
      return result({
        status,
        latencyMs,
        error: `answered in ${latencyMs} ms, more than ${options.maxLatencyMs} ms`,
      });
    }
    if (
      options.bodyContains !== undefined &&
      !body.includes(options.bodyContains)
    ) {
      return result({
        status,
        latencyMs,
        error: `the body does not contain ${JSON.stringify(
          options.bodyContains,
        )}`,
      });
    }
    return result({ status, latencyMs });
  } catch (error) {
    if (signal?.aborted) throw new CheckAbandonedError(signal.reason);
    if (timeout.aborted) {
      return result({
        ...(status !== undefined ? { status } : {}),
        error: `no ${
          status === undefined ? 'answer' : 'complete answer'
        } within ${options.timeoutMs} ms`,
      });
    }
    return result({
      ...(status !== undefined ? { status } : {}),
      error: describeError(error),
    });
  }
}

/** The body as text, up to a limit; the rest is not downloaded. */
async function readBody(
  response: Response,
  signal: AbortSignal,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < MAX_BODY_BYTES) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
