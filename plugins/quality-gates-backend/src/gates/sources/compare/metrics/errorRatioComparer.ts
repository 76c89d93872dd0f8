import { judgeErrorRatioSequentially } from '../statistics/sequential';
import { SeriesSelector } from '../seriesSelector';
import {
  ComparedSide,
  JudgingOptions,
  MetricComparer,
  totalOf,
} from './MetricComparison';
import { countedIn } from './countedIn';

/**
 * Error ratios of a request counter: requests and failed requests per
 * version over each side's window, judged sequentially (valid however
 * often the same version is asked about again, see the statistics README):
 * a regression fails as soon as it is established, a pass needs the
 * change shown within the pass tolerance and the minimum on each side.
 * `errorMatcher` is already rendered (placeholders filled and escaped).
 */
export function errorRatioComparer(metric: {
  counter: string;
  errorMatcher: string;
}): MetricComparer {
  const requestsOf = (selector: SeriesSelector, side: ComparedSide) =>
    countedIn(selector.ofVersion(metric.counter, side.version), side.duration);
  const errorsOf = (selector: SeriesSelector, side: ComparedSide) =>
    countedIn(
      selector.ofVersion(metric.counter, side.version, metric.errorMatcher),
      side.duration,
    );

  return {
    presenceQuery: (selector, duration) =>
      `sum by (${selector.versionLabel}) (increase(${selector.series(
        metric.counter,
      )}[${duration}]))`,

    async compare(queries, selector, sides, options: JudgingOptions) {
      const asked = (['baseline', 'candidate'] as const).map(name => ({
        name,
        side: sides[name],
        requests: requestsOf(selector, sides[name]),
        errors: errorsOf(selector, sides[name]),
      }));
      const results = await queries.instant(
        asked.flatMap(a => [
          { query: a.requests, time: a.side.end },
          { query: a.errors, time: a.side.end },
        ]),
      );
      // increase() extrapolates to the window's edges: whole requests,
      // and never more errors than requests.
      const [baseline, candidate] = asked.map((a, i) => {
        const requests = Math.round(totalOf(results[2 * i], a.requests));
        const errors = Math.min(
          requests,
          Math.round(totalOf(results[2 * i + 1], a.errors)),
        );
        return { errors, requests };
      });
      const verdict = judgeErrorRatioSequentially(baseline, candidate, {
        direction: options.direction,
        confidenceLevel: options.confidenceLevel,
        tolerance: options.tolerance,
        passTolerance: options.passTolerance,
        minRequests: options.minSamples,
        observedSeconds: sides.candidate.seconds,
        baselineGrows: options.baselineGrows,
      });
      const figures = (counts: { errors: number; requests: number }) => ({
        ...counts,
        errorRatio: counts.requests ? counts.errors / counts.requests : null,
      });
      const ratioOf = (a: (typeof asked)[number]) =>
        `${a.errors} / ${a.requests}`;
      return {
        verdict,
        figures: { baseline: figures(baseline), candidate: figures(candidate) },
        queries: {
          baseline: [asked[0].requests, asked[0].errors],
          candidate: [asked[1].requests, asked[1].errors],
        },
        shown: { baseline: ratioOf(asked[0]), candidate: ratioOf(asked[1]) },
      };
    },
  };
}
