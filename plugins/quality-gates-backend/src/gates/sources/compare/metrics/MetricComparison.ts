import {
  InstantQueryResult,
  PrometheusQueryError,
} from '../../../../prometheus';
import { SequentialVerdict } from '../statistics/sequential';
import { RegressionDirection, StatisticalVerdict } from '../statistics/verdict';
import { SeriesSelector } from '../seriesSelector';
import { CompareQueries } from './compareQueries';

/** One side of the comparison: a version over a window. */
export interface ComparedSide {
  version: string;
  start: Date;
  /** Queries are evaluated here. */
  end: Date;
  seconds: number;
  /** The window as a Prometheus duration, e.g. `30m`. */
  duration: string;
}

/** The statistics settings of the definition, as the judges take them. */
export interface JudgingOptions {
  direction?: RegressionDirection;
  /** Fail once a change beyond it is established. */
  tolerance?: { relative?: number; absolute?: number };
  /** Pass once the change is shown within it (sequential judges only). */
  passTolerance?: { relative?: number; absolute?: number };
  confidenceLevel?: number;
  /** Per side; for the sequential judges a floor for passing only. */
  minSamples?: number;
  /**
   * Whether the baseline keeps receiving traffic beside the candidate (a
   * canary), for the time a decision needs; false for a closed window.
   */
  baselineGrows?: boolean;
}

/**
 * A verdict, with the sequential judges' evidence and the traffic and time
 * an inconclusive one still needs.
 */
export type ComparisonVerdict = StatisticalVerdict &
  Partial<Pick<SequentialVerdict, 'evidence' | 'needed' | 'secondsToDecision'>>;

/** What comparing one metric of both sides found. */
export interface MetricComparison {
  verdict: ComparisonVerdict;
  figures: {
    baseline: Record<string, unknown>;
    candidate: Record<string, unknown>;
  };
  queries: { baseline: string[]; candidate: string[] };
  /** The query a side's graph link shows. */
  shown: { baseline: string; candidate: string };
}

/** How one kind of metric is read from Prometheus and judged. */
export interface MetricComparer {
  /** Traffic (or samples) per version over `duration`, grouped by the version label. */
  presenceQuery(selector: SeriesSelector, duration: string): string;
  compare(
    queries: CompareQueries,
    selector: SeriesSelector,
    sides: { baseline: ComparedSide; candidate: ComparedSide },
    options: JudgingOptions,
  ): Promise<MetricComparison>;
}

/**
 * The total of an aggregated instant query: no series is zero (nothing
 * counted), NaN is zero too (no rate to count).
 */
export function totalOf(result: InstantQueryResult, query: string): number {
  if (result.resultType === 'scalar') {
    return Number.isFinite(result.value) ? result.value : 0;
  }
  if (result.resultType !== 'vector') {
    throw new PrometheusQueryError(
      `Expected an instant vector, got a ${result.resultType} — query: ${query}`,
    );
  }
  return result.samples.reduce(
    (sum, sample) => sum + (Number.isFinite(sample.value) ? sample.value : 0),
    0,
  );
}
