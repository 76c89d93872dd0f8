import { setTimeout as wait } from 'node:timers/promises';
import {
  CheckAbandonedError,
  HttpCheckAttempt,
  tryUrl,
  TryOptions,
} from './tryUrl';

/** One URL's outcome: passed when any try passed. */
export interface UrlCheck {
  url: string;
  passed: boolean;
  attempts: HttpCheckAttempt[];
}

/**
 * Tries a URL until one try passes or `tries` are spent, waiting
 * `backoffMs` before the second try and twice as long before each further
 * one. The evaluation's abort ends it at once, also during a wait.
 */
export async function checkUrl(
  url: string,
  options: TryOptions & { tries: number; backoffMs: number },
  signal?: AbortSignal,
): Promise<UrlCheck> {
  const attempts: HttpCheckAttempt[] = [];
  for (let attempt = 1; attempt <= options.tries; attempt++) {
    if (attempt > 1) {
      await sleep(options.backoffMs * 2 ** (attempt - 2), signal);
    }
    const outcome = await tryUrl(url, attempt, options, signal);
    attempts.push(outcome);
    if (outcome.passed) return { url, passed: true, attempts };
  }
  return { url, passed: false, attempts };
}

async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await wait(ms, undefined, { signal });
  } catch {
    throw new CheckAbandonedError(signal?.reason);
  }
}
