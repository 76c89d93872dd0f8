import { compareSamples } from '../statistics/samples';
import { MetricComparer } from './MetricComparison';

/** Samples per side when no step is given. */
const DEFAULT_POINTS = 60;

/**
 * Any gauge: its samples over each side's window (every series of the
 * version, e.g. one per instance, pooled), judged by the rank test and the
 * Hodges-Lehmann shift.
 */
export function gaugeComparer(metric: {
  metric: string;
  stepSeconds?: number;
}): MetricComparer {
  return {
    presenceQuery: (selector, duration) =>
      `sum by (${selector.versionLabel}) (count_over_time(${selector.series(
        metric.metric,
      )}[${duration}]))`,

    async compare(queries, selector, sides, options) {
      const asked = (['baseline', 'candidate'] as const).map(name => {
        const side = sides[name];
        return {
          side,
          query: selector.ofVersion(metric.metric, side.version),
          step:
            metric.stepSeconds ??
            Math.max(1, Math.ceil(side.seconds / DEFAULT_POINTS)),
        };
      });
      const [baseline, candidate] = await Promise.all(
        asked.map(a => queries.range(a.query, a.side, a.step)),
      );
      const verdict = compareSamples(baseline.values, candidate.values, {
        direction: options.direction,
        confidenceLevel: options.confidenceLevel,
        tolerance: options.tolerance,
        minSamples: options.minSamples,
        observedSeconds: sides.candidate.seconds,
      });
      const figures = (
        samples: { values: number[]; series: number },
        step: number,
      ) => ({
        samples: samples.values.length,
        series: samples.series,
        stepSeconds: step,
        median: medianOf(samples.values),
      });
      return {
        verdict,
        figures: {
          baseline: figures(baseline, asked[0].step),
          candidate: figures(candidate, asked[1].step),
        },
        queries: { baseline: [asked[0].query], candidate: [asked[1].query] },
        shown: { baseline: asked[0].query, candidate: asked[1].query },
      };
    },
  };
}

function medianOf(values: number[]): number | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!finite.length) return null;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2
    ? finite[middle]
    : (finite[middle - 1] + finite[middle]) / 2;
}
