import { checkErrorCounts, ErrorCounts } from '../proportions';
import { RegressionDirection } from '../verdict';
import { errorRatioEvidence, neededForDecision } from './errorRatioEvidence';
import {
  differenceConfidenceSequence,
  ratioConfidenceSequence,
} from './errorRatioIntervals';
import {
  errorRatioSettings,
  SequentialErrorRatioOptions,
} from './errorRatioSettings';
import {
  describeWait,
  directionSign,
  factor,
  formatEValue,
  percent,
  ratioOf,
  missingPerSide,
  secondsUntil,
  SequentialVerdict,
} from './sequentialVerdict';
import { RatioTolerance } from './toleranceBoundary';

function describeTolerance(t: RatioTolerance, direction: RegressionDirection) {
  const sign = directionSign(direction);
  return `${sign}${percent(t.relative)} (and ${sign}${+(
    t.absolute * 100
  ).toPrecision(3)} pp)`;
}

/**
 * Judges the candidate's error ratio against the baseline's, validly at
 * every look: fail when a change beyond the tolerance is established (at
 * any sample size), pass when the change is shown to stay within the pass
 * tolerance and both sides hold the minimum, inconclusive otherwise with
 * the traffic a decision still needs.
 */
export function judgeErrorRatioSequentially(
  baseline: ErrorCounts,
  candidate: ErrorCounts,
  options: SequentialErrorRatioOptions = {},
): SequentialVerdict {
  checkErrorCounts(baseline, 'baseline');
  checkErrorCounts(candidate, 'candidate');
  const s = errorRatioSettings(options);
  const baselineGrows = options.baselineGrows ?? true;
  const threshold = Math.exp(s.logThreshold);
  const sampleSizes = {
    baseline: baseline.requests,
    candidate: candidate.requests,
    minimum: s.minimum,
    unit: 'requests',
  };
  const missing = missingPerSide(sampleSizes, options.observedSeconds);
  const test = 'beta-binomial mixture confidence sequence';
  const valid = 'valid at any number of looks';
  const conf = percent(s.confidenceLevel);
  if (baseline.requests === 0 || candidate.requests === 0) {
    return {
      state: 'inconclusive',
      test,
      pValue: 1,
      sampleSizes,
      missing,
      evidence: { fail: 1, pass: 1, threshold },
      reasons: ['a side has no requests to compare'],
    };
  }
  const evidence = errorRatioEvidence(baseline, candidate, s);
  const p1 = baseline.errors / baseline.requests;
  const p2 = candidate.errors / candidate.requests;
  const ratio = ratioConfidenceSequence(baseline, candidate, s);
  const difference = differenceConfidenceSequence(baseline, candidate, s);
  const fail = Math.exp(evidence.logFail);
  const pass = Math.exp(evidence.logPass);
  const change = `error ratio ${percent(p1)} → ${percent(p2)}`;
  const range = `ratio ${factor(ratio.lower)} to ${factor(ratio.upper)}`;
  const reasons: string[] = [];
  let needed: number | undefined;
  if (evidence.state === 'fail') {
    reasons.push(
      `${change}, beyond the ${describeTolerance(
        s.tolerance,
        s.direction,
      )} tolerance with ${conf} confidence, ${valid} (${range}; e-value ${formatEValue(
        fail,
      )})`,
    );
  } else if (evidence.state === 'pass') {
    reasons.push(
      `${change}, within the ${describeTolerance(
        s.passTolerance,
        s.direction,
      )} a pass allows with ${conf} confidence, ${valid} (${range}; e-value ${formatEValue(
        pass,
      )})`,
    );
  } else {
    needed = neededForDecision(baseline, candidate, s, baselineGrows);
    reasons.push(
      `${change}: not yet beyond the ${describeTolerance(
        s.tolerance,
        s.direction,
      )} tolerance nor within the ${describeTolerance(
        s.passTolerance,
        s.direction,
      )} a pass allows with ${conf} confidence (${range})`,
      ...missing.map(
        m =>
          `${m.side} needs ${
            m.missing
          } more requests before a pass (${describeWait(m.secondsToWait)})`,
      ),
      needed === undefined
        ? 'no decision in reach if the error ratios stay as they are'
        : `about ${needed} more candidate requests to decide if the error ratios stay as they are (${describeWait(
            secondsUntil(needed, candidate.requests, options.observedSeconds),
          )})`,
    );
  }
  return {
    state: evidence.state,
    test,
    pValue: Math.min(1, 1 / fail),
    interval: {
      ...difference,
      confidenceLevel: s.confidenceLevel,
      method: 'difference, time-uniform (beta-binomial mixture)',
    },
    effect: {
      measure: 'error ratio, candidate over baseline',
      estimate: ratioOf(p1, p2),
      interval: {
        ...ratio,
        confidenceLevel: s.confidenceLevel,
        method: 'ratio, time-uniform (beta-binomial mixture)',
      },
    },
    sampleSizes,
    missing,
    evidence: { fail, pass, threshold },
    needed,
    secondsToDecision: secondsUntil(
      needed,
      candidate.requests,
      options.observedSeconds,
    ),
    reasons,
  };
}
