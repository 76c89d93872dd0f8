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
 * victim. Rows are written in key order, so this is rare (a run span linking
 * the earlier spans of its trace while another request adds more); if it
 * persists the answer is 503, which OTLP exporters retry.
 */
export async function retryTransientWrite<T>(
  write: () => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt >= attempts) {
        throw new ServiceUnavailableError(
          `Spans could not be written after ${attempts} attempts (concurrent writes to the same traces); retry later`,
          error as Error,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 20 * attempt));
    }
  }
}
