import { InputError } from '@backstage/errors';
import { InstantQueryResult } from '../../../prometheus';

/** What one instant query says about a criterion. */
export interface SingleValue {
  /** Null when there was no data. */
  value: number | null;
  resultType: string;
  /** The labels of the one series, for vectors. */
  labels?: Record<string, string>;
  /** Why there is no value, when there is none. */
  noData?: string;
  warnings?: string[];
}

const SERIES_LISTED = 3;

/**
 * The one number a criterion needs from a query result. No series or NaN
 * (0/0: nothing happened in the window) is no data; several series, a
 * range vector or a string cannot be judged and throw, naming the query.
 */
export function singleValue(
  result: InstantQueryResult,
  query: string,
  field = 'query',
): SingleValue {
  const warnings = result.warnings ? { warnings: result.warnings } : {};
  if (result.resultType === 'scalar') {
    return { ...numeric(result.value), resultType: 'scalar', ...warnings };
  }
  if (result.resultType !== 'vector') {
    throw new InputError(
      `The ${field} returned a ${
        result.resultType
      }, but a criterion needs one number: ${
        result.resultType === 'matrix'
          ? 'wrap the range selector in a function such as rate() or avg_over_time()'
          : 'return a number'
      } — query: ${query}`,
    );
  }
  const { samples } = result;
  if (samples.length === 0) {
    return {
      value: null,
      resultType: 'vector',
      noData: 'the query returned no series',
      ...warnings,
    };
  }
  if (samples.length > 1) {
    const listed = samples.slice(0, SERIES_LISTED).map(s => labelSet(s.labels));
    const more =
      samples.length > SERIES_LISTED
        ? `, and ${samples.length - SERIES_LISTED} more`
        : '';
    throw new InputError(
      `The ${field} returned ${
        samples.length
      } series, but a criterion needs one: aggregate them, e.g. with sum() or max(). Series: ${listed.join(
        ', ',
      )}${more} — query: ${query}`,
    );
  }
  const [sample] = samples;
  return {
    ...numeric(sample.value),
    resultType: 'vector',
    labels: sample.labels,
    ...warnings,
  };
}

function numeric(value: number): Pick<SingleValue, 'value' | 'noData'> {
  if (Number.isNaN(value)) {
    return {
      value: null,
      noData:
        'the query returned NaN (e.g. 0/0: nothing happened in the window)',
    };
  }
  return { value };
}

/** `{code="500", service="checkout"}`, as Prometheus writes series. */
export function labelSet(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(
    ([name, value]) => `${name}=${JSON.stringify(value)}`,
  );
  return `{${pairs.join(', ')}}`;
}
