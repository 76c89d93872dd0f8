import { InputError } from '@backstage/errors';
import { PrometheusHistogram, toBucketCounts } from '../histogram';
import {
  factorConfidenceSequence,
  latencyEvidence,
  neededForLatencyDecision,
} from './latencyEvidence';
import { describeQuantile, QuantileCheck } from './latencyQuantiles';
import { latencySettings, SequentialLatencyOptions } from './latencySettings';
import {
  describeWait,
  directionSign,
  formatEValue,
  factor,
  percent,
  missingPerSide,
  secondsUntil,
  SequentialVerdict,
} from './sequentialVerdict';

/**
 * Judges the candidate's latency histogram against the baseline's,
 * validly at every look (asymptotically for the whole latency): fail on
 * an established slow-down beyond the tolerance at any sample size, pass
 * once it is shown within the pass tolerance and both sides hold the
 * minimum, inconclusive otherwise with the observations still needed.
 */
export function judgeLatencySequentially(
  baselineHistogram: PrometheusHistogram,
  candidateHistogram: PrometheusHistogram,
  options: SequentialLatencyOptions = {},
): SequentialVerdict & { quantiles: QuantileCheck[] } {
  const baseline = toBucketCounts(baselineHistogram, 'baseline');
  const candidate = toBucketCounts(candidateHistogram, 'candidate');
  const same =
    baseline.upperBounds.length === candidate.upperBounds.length &&
    baseline.upperBounds.every((le, i) => le === candidate.upperBounds[i]);
  if (!same) {
    throw new InputError(
      'baseline and candidate histograms have different buckets',
    );
  }
  const s = latencySettings(options);
  const threshold = Math.exp(s.logThreshold);
  const sampleSizes = {
    baseline: baseline.total,
    candidate: candidate.total,
    minimum: s.minimum,
    unit: 'observations',
  };
  const missing = missingPerSide(sampleSizes, options.observedSeconds);
  const test = 'rank confidence sequence over buckets';
  const evidence = latencyEvidence(baseline, candidate, s, true);
  if (
    !(baseline.total > 0 && candidate.total > 0) ||
    baseline.upperBounds.length < 2 ||
    !(baseline.upperBounds[0] > 0)
  ) {
    return {
      state: 'inconclusive',
      test,
      pValue: 1,
      sampleSizes,
      missing,
      evidence: { fail: 1, pass: 1, threshold },
      quantiles: [],
      reasons: [
        'the histograms hold no observations on a side, or no finite positive bucket to scale',
      ],
    };
  }
  const shift = factorConfidenceSequence(baseline, candidate, s);
  const fail = Math.exp(evidence.logFail);
  const pass = Math.exp(evidence.logPass);
  const conf = percent(s.confidenceLevel);
  const sign = directionSign(s.direction);
  const whole = `latency as a whole ${factor(shift.estimate)} (${factor(
    shift.lower,
  )} to ${factor(shift.upper)})`;
  const valid = 'valid at any number of looks';
  const reasons: string[] = [];
  let needed: number | undefined;
  const wholeFailed = evidence.logFail >= s.logThreshold;
  if (evidence.state === 'fail' && wholeFailed) {
    reasons.push(
      `${whole}, beyond the ${sign}${percent(
        s.tolerance,
      )} tolerance with ${conf} confidence, ${valid} (e-value ${formatEValue(
        fail,
      )})`,
    );
  } else if (evidence.state === 'pass') {
    reasons.push(
      `${whole}, within the ${sign}${percent(
        s.passTolerance,
      )} a pass allows with ${conf} confidence, ${valid} (e-value ${formatEValue(
        pass,
      )})`,
    );
  } else {
    reasons.push(
      evidence.state === 'fail'
        ? `${whole}; a quantile is beyond the ${sign}${percent(
            s.tolerance,
          )} tolerance with ${conf} confidence, ${valid}`
        : `${whole}: not yet beyond the ${sign}${percent(
            s.tolerance,
          )} tolerance nor within the ${sign}${percent(
            s.passTolerance,
          )} a pass allows with ${conf} confidence`,
    );
  }
  if (evidence.state === 'inconclusive') {
    needed = neededForLatencyDecision(
      baseline,
      candidate,
      s,
      options.baselineGrows ?? true,
    );
    reasons.push(
      ...missing.map(
        m =>
          `${m.side} needs ${
            m.missing
          } more observations before a pass (${describeWait(m.secondsToWait)})`,
      ),
      needed === undefined
        ? 'no decision in reach if the latencies stay as they are'
        : `about ${needed} more candidate observations to decide if the latencies stay as they are (${describeWait(
            secondsUntil(needed, candidate.total, options.observedSeconds),
          )})`,
    );
  }
  reasons.push(...evidence.quantiles.map(describeQuantile));
  return {
    state: evidence.state,
    test,
    pValue: Math.min(1, 1 / fail),
    interval: {
      lower: shift.lower,
      upper: shift.upper,
      confidenceLevel: s.confidenceLevel,
      method: 'latency factor, time-uniform (normal mixture)',
    },
    effect: {
      measure: 'latency as a whole, candidate over baseline',
      estimate: shift.estimate,
      interval: {
        lower: shift.lower,
        upper: shift.upper,
        confidenceLevel: s.confidenceLevel,
        method:
          'time-uniform inverted bucketed rank comparison (normal mixture)',
      },
    },
    sampleSizes,
    missing,
    evidence: { fail, pass, threshold },
    needed,
    secondsToDecision: secondsUntil(
      needed,
      candidate.total,
      options.observedSeconds,
    ),
    quantiles: evidence.quantiles,
    reasons,
  };
}
