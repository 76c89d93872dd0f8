/**
 * Why queries are let go once all answered: made once, because aborting
 * without a reason builds a DOMException with a stack trace each time.
 */
const SETTLED = new DOMException('The queries have settled', 'AbortError');

/**
 * Runs queries concurrently under one signal. The first failure fails the
 * lot and abandons the others: a criterion with one unanswered query
 * cannot be judged.
 */
export async function queryAll<T>(
  signal: AbortSignal | undefined,
  queries: Array<(signal: AbortSignal) => Promise<T>>,
): Promise<T[]> {
  const abandon = new AbortController();
  const shared = signal
    ? AbortSignal.any([signal, abandon.signal])
    : abandon.signal;
  try {
    return await Promise.all(
      queries.map(query =>
        query(shared).catch(error => {
          abandon.abort(error);
          throw error;
        }),
      ),
    );
  } finally {
    // Nothing left to wait for; let listeners go.
    abandon.abort(SETTLED);
  }
}
