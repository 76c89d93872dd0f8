import { InputError } from '@backstage/errors';

/** The `prometheus` part of a criterion definition. */
export interface PrometheusDefinition {
  /** PromQL template whose single value is the observed value. */
  query: string;
  /** PromQL template whose value is the sample size (e.g. request count). */
  sampleCountQuery?: string;
}

/** Reads and checks a definition; throws saying what is wrong. */
export function readPrometheusDefinition(
  definition: Record<string, unknown>,
): PrometheusDefinition {
  const query = definition.query;
  if (typeof query !== 'string' || !query.trim()) {
    throw new InputError(
      "A prometheus criterion needs a 'query': PromQL text returning one series",
    );
  }
  const sampleCountQuery = definition.sampleCountQuery;
  if (
    sampleCountQuery !== undefined &&
    (typeof sampleCountQuery !== 'string' || !sampleCountQuery.trim())
  ) {
    throw new InputError(
      "A prometheus criterion's 'sampleCountQuery' must be PromQL text",
    );
  }
  return { query, ...(sampleCountQuery ? { sampleCountQuery } : {}) };
}
