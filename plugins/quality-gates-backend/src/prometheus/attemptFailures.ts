import { PrometheusQueryError } from './PrometheusQueryError';

// Why one attempt failed, so the client knows whether to try again.

/** An HTTP answer that is a failure; retried when it is a 5xx. */
export class HttpFailure extends Error {
  constructor(
    readonly httpStatus: number,
    readonly failure: PrometheusQueryError,
  ) {
    super(failure.message);
  }
}

/** The status came, the body did not: the connection broke. */
export class UnreadAnswer extends Error {
  constructor(
    readonly status: string,
    readonly httpStatus: number,
    readonly cause: unknown,
  ) {
    super(status);
  }
}

/** 5xx answers and network failures; never a refused query or a 4xx. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof HttpFailure) return error.httpStatus >= 500;
  if (error instanceof PrometheusQueryError) return false;
  return true;
}
