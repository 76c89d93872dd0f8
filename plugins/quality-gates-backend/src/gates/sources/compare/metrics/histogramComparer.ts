import { InputError } from '@backstage/errors';
import { InstantQueryResult } from '../../prometheus/PrometheusClient';
import {
  LATENCY_DEFAULTS,
  PrometheusHistogram,
  compareLatencyHistograms,
} from '../statistics/histogram';
import { describeMissing, missingSamples } from '../statistics/sampleSize';
import { StatisticalVerdict } from '../statistics/verdict';
import {
  ComparedSide,
  JudgingOptions,
  MetricComparer,
  totalOf,
} from './MetricComparison';

/**
 * Latency histograms (`_bucket` with `le`, and `_count`): the bucket counts
 * of each side's window, judged by the bucketed rank test and the quantile
 * shifts.
 */
export function histogramComparer(metric: {
  histogram: string;
  quantiles?: number[];
}): MetricComparer {
  const bucketsOf = (
    selector: Parameters<MetricComparer['presenceQuery']>[0],
    side: ComparedSide,
  ) =>
    `sum by (le) (increase(${selector.ofVersion(
      `${metric.histogram}_bucket`,
      side.version,
    )}[${side.duration}]))`;
  const countOf = (
    selector: Parameters<MetricComparer['presenceQuery']>[0],
    side: ComparedSide,
  ) =>
    `sum(increase(${selector.ofVersion(
      `${metric.histogram}_count`,
      side.version,
    )}[${side.duration}]))`;
  const quantiles = metric.quantiles ?? LATENCY_DEFAULTS.quantiles;

  return {
    presenceQuery: (selector, duration) =>
      `sum by (${selector.versionLabel}) (increase(${selector.series(
        `${metric.histogram}_count`,
      )}[${duration}]))`,

    async compare(queries, selector, sides, options: JudgingOptions) {
      const asked = (['baseline', 'candidate'] as const).map(name => ({
        side: sides[name],
        buckets: bucketsOf(selector, sides[name]),
        count: countOf(selector, sides[name]),
      }));
      const results = await queries.instant(
        asked.flatMap(a => [
          { query: a.buckets, time: a.side.end },
          { query: a.count, time: a.side.end },
        ]),
      );
      const [baseline, candidate] = asked.map((a, i) => ({
        buckets: bucketsFrom(results[2 * i], a.buckets),
        count: totalOf(results[2 * i + 1], a.count),
      }));
      const judging = {
        direction: options.direction,
        confidenceLevel: options.confidenceLevel,
        quantiles,
        relativeTolerance: options.tolerance?.relative,
        minObservations: options.minSamples,
        observedSeconds: sides.candidate.seconds,
      };
      const verdict =
        baseline.count > 0 && candidate.count > 0
          ? compareLatencyHistograms(baseline, candidate, judging)
          : withoutObservations(baseline.count, candidate.count, judging);
      const figures = (h: PrometheusHistogram) => ({
        count: h.count,
        buckets: h.buckets.map(b => ({
          le: b.le === Infinity ? '+Inf' : b.le,
          count: b.count,
        })),
      });
      // The graph shows the highest quantile asked, as histogram_quantile.
      const shownQuantile = Math.max(...quantiles);
      const shown = (a: (typeof asked)[number]) =>
        `histogram_quantile(${shownQuantile}, ${a.buckets})`;
      return {
        verdict,
        figures: { baseline: figures(baseline), candidate: figures(candidate) },
        queries: {
          baseline: [asked[0].buckets, asked[0].count],
          candidate: [asked[1].buckets, asked[1].count],
        },
        shown: { baseline: shown(asked[0]), candidate: shown(asked[1]) },
      };
    },
  };
}

/** `{le="0.1"} 42` per bucket; a histogram's series without `le` is refused. */
function bucketsFrom(
  result: InstantQueryResult,
  query: string,
): PrometheusHistogram['buckets'] {
  if (result.resultType !== 'vector') {
    throw new InputError(
      `Expected histogram buckets, got a ${result.resultType} — query: ${query}`,
    );
  }
  return result.samples.map(sample => {
    const le = sample.labels.le;
    if (le === undefined) {
      throw new InputError(
        `A bucket without an 'le' label: is this metric a histogram? — query: ${query}`,
      );
    }
    return {
      le: le === '+Inf' ? Infinity : Number(le),
      count: Number.isFinite(sample.value) ? sample.value : 0,
    };
  });
}

/** A side with no observations at all: nothing to test, only to wait for. */
function withoutObservations(
  baseline: number,
  candidate: number,
  options: { minObservations?: number; observedSeconds?: number },
): StatisticalVerdict {
  const sampleSizes = {
    baseline,
    candidate,
    minimum: options.minObservations ?? LATENCY_DEFAULTS.minObservations,
    unit: 'observations',
  };
  const missing = missingSamples(sampleSizes, options.observedSeconds);
  return {
    state: 'inconclusive',
    test: 'none',
    sampleSizes,
    missing,
    reasons: [
      ...missing.map(m => describeMissing(m, 'observations')),
      'a side has no observations to compare',
    ],
  };
}
