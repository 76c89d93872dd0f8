import { ServiceUnavailableError } from '@backstage/errors';

/**
 * PostgreSQL deadlock and serialization failures: the transaction was
 * rolled back whole and can simply run again.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001']);

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

/**
 * Runs a write transaction again when the database aborted it as a deadlock
 * victim or a serialization failure. Writers take rows and locks in key
 * order, so this is rare (e.g. two requests that each carry deployments of
 * one entity and incidents of the other); if it persists the answer is 503,
 * which senders retry. `write` must start its own transaction: one inside a
 * caller's cannot run again.
 */
export async function retryTransientWrite<T>(
  write: () => Promise<T>,
  options: { what: string; attempts?: number } = { what: 'The write' },
): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt >= attempts) {
        throw new ServiceUnavailableError(
          `${options.what} could not be written after ${attempts} attempts (concurrent writes to the same rows); retry later`,
          error as Error,
        );
      }
      // Jittered, so that the writers that collided do not meet again.
      await new Promise(resolve =>
        setTimeout(resolve, 20 * attempt * (0.5 + Math.random())),
      );
    }
  }
}
