/**
 * Prometheus could not be asked, did not answer in time, or refused the
 * request. Everything built on it fails closed: a gate criterion is an
 * error, a readiness check cannot verify. Messages name the server without
 * its credentials and never carry a header value.
 */
export class PrometheusQueryError extends Error {
  /**
   * Prometheus' own `errorType` (`bad_data`, `execution`, ...) when it gave
   * one; `timeout` when it did not answer in time; `canceled` when the
   * caller gave up.
   */
  readonly errorType?: string;

  constructor(message: string, errorType?: string) {
    super(message);
    this.name = 'PrometheusQueryError';
    this.errorType = errorType;
  }
}
