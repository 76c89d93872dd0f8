import { InputError } from '@backstage/errors';
import { InstantQueryResult } from '../../../../prometheus';
import { LATENCY_DEFAULTS, PrometheusHistogram } from '../statistics/histogram';
import { judgeLatencySequentially } from '../statistics/sequential';
import { describeMissing, missingSamples } from '../statistics/sampleSize';
import { StatisticalVerdict } from '../statistics/verdict';
import {
  ComparedSide,
  JudgingOptions,
  MetricComparer,
  totalOf,
} from './MetricComparison';
import { countedIn } from './countedIn';

/**
 * Latency histograms (`_bucket` with `le`, and `_count`): the bucket counts
 * of each side's window, judged sequentially on the whole latency and each
 * quantile (valid however often the same version is asked about again):
 * a slow-down fails once established, a pass needs it shown within the
 * pass tolerance and the minimum on each side.
 */
export function histogramComparer(metric: {
  histogram: string;
  quantiles?: number[];
}): MetricComparer {
  const bucketsOf = (
    selector: Parameters<MetricComparer['presenceQuery']>[0],
    side: ComparedSide,
  ) =>
    countedIn(
      selector.ofVersion(`${metric.histogram}_bucket`, side.version),
      side.duration,
      'le',
    );
  const countOf = (
    selector: Parameters<MetricComparer['presenceQuery']>[0],
    side: ComparedSide,
  ) =>
    countedIn(
      selector.ofVersion(`${metric.histogram}_count`, side.version),
      side.duration,
    );
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
      const [baseline, candidate] = asked.map((a, i) => {
        const buckets = cumulativeAgain(bucketsFrom(results[2 * i], a.buckets));
        const inf = buckets.find(b => b.le === Infinity);
        // The +Inf bucket is the count once repaired; `_count` is extrapolated
        // on its own and may differ by a fraction.
        return {
          buckets,
          count: inf ? inf.count : totalOf(results[2 * i + 1], a.count),
        };
      });
      const judging = {
        direction: options.direction,
        confidenceLevel: options.confidenceLevel,
        quantiles,
        relativeTolerance: options.tolerance?.relative,
        passTolerance: options.passTolerance?.relative,
        minObservations: options.minSamples,
        observedSeconds: sides.candidate.seconds,
        baselineGrows: options.baselineGrows,
      };
      const verdict =
        baseline.count > 0 && candidate.count > 0
          ? judgeLatencySequentially(baseline, candidate, judging)
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

/**
 * increase() extrapolates each bucket's series on its own, so when the
 * series start inside the window (a version deployed minutes ago) a bucket
 * can read a fraction fewer than the one below it. The running maximum
 * repairs that, as histogram_quantile does for the same reason.
 */
export function cumulativeAgain(
  buckets: PrometheusHistogram['buckets'],
): PrometheusHistogram['buckets'] {
  let highest = 0;
  return [...buckets]
    .sort((a, b) => a.le - b.le)
    .map(bucket => {
      highest = Math.max(highest, bucket.count);
      return { le: bucket.le, count: highest };
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
