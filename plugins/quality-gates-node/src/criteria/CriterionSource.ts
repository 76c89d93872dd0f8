/**
 * What a criterion source is asked to measure: one entity, in one
 * environment, for one version, over one time window.
 *
 * @public
 */
export interface CriterionMeasurementRequest {
  entityRef: string;
  environment: string;
  version: string;
  /** The source-specific part of the criterion definition (e.g. a query). */
  definition: Record<string, unknown>;
  /** ISO 8601 window over which the signal is read. */
  window: { start: string; end: string };
  /** Aborted when the evaluation's time budget is spent. */
  signal?: AbortSignal;
}

/**
 * What a criterion source observed. A source that cannot observe throws:
 * the gate then fails closed with verdict `error`, never `pass`.
 *
 * @public
 */
export interface CriterionMeasurement {
  /** The observed value, or null when the source had no data. */
  value: number | null;
  /** How many samples the value rests on, for minimum-sample-size rules. */
  sampleSize?: number;
  /** A link a reviewer can open to see the same data (e.g. a Prometheus graph). */
  link?: string;
  /** Extra evidence to keep with the evaluation. */
  details?: Record<string, unknown>;
}

/**
 * A source of gate criteria (Prometheus, readiness, pipeline, http-check, ...),
 * added by backend modules through {@link qualityGatesCriterionSourcesExtensionPoint}.
 *
 * @public
 */
export interface CriterionSource {
  /** The `source` name criteria use to select it, e.g. `prometheus`. */
  readonly id: string;
  measure(request: CriterionMeasurementRequest): Promise<CriterionMeasurement>;
}
