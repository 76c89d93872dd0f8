import type {
  CriterionEvidence,
  GateEvaluation,
} from '@can-i-deploy/plugin-quality-gates-common';
import { EvaluateAnswer } from '../evaluate/EvaluateAnswer';

/** A criterion's evidence as the API reports it, with test defaults. */
export function criterion(
  overrides: Partial<CriterionEvidence> = {},
): CriterionEvidence {
  return {
    key: 'error-ratio',
    source: 'prometheus',
    state: 'pass',
    weight: 1,
    keyCriterion: false,
    score: 1,
    observed: 0.004,
    threshold: { pass: '<= 0.01', warning: '<= 0.02' },
    message: '0.004 <= 0.01',
    durationMs: 3,
    ...overrides,
  };
}

/** One gate's evaluation, with test defaults. */
export function evaluation(
  overrides: Partial<GateEvaluation> = {},
): GateEvaluation {
  return {
    id: 'evaluation-1',
    gateId: 'production-slo',
    gateTitle: 'Production SLOs',
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: 'abc123',
    trigger: 'ci',
    mode: 'enforce',
    verdict: 'pass',
    effectiveVerdict: 'pass',
    score: 100,
    passPercent: 90,
    warningPercent: 60,
    criteria: [criterion()],
    startedAt: '2026-03-02T10:00:00.000Z',
    finishedAt: '2026-03-02T10:00:00.050Z',
    ...overrides,
  };
}

/** An answer of `POST /gates/evaluate` with the given evaluations. */
export function answer(
  overrides: Partial<EvaluateAnswer> = {},
): EvaluateAnswer {
  const evaluations = overrides.evaluations ?? [evaluation()];
  const verdict =
    overrides.verdict ?? evaluations[0]?.effectiveVerdict ?? 'error';
  // The answer the backend gives for that verdict, unless told otherwise.
  const decided = {
    pass: ['yes', 'Yes: every gate passes.'],
    warn: ['yes', 'Yes: every gate passes, one with a warning.'],
    fail: ['no', 'No: a gate fails.'],
    error: ['error', 'Cannot decide: a gate could not decide.'],
  } as const;
  return {
    id: 'decision-1',
    trigger: 'ci',
    decidedAt: '2026-03-02T10:00:00.050Z',
    answer: decided[verdict][0],
    sentence: decided[verdict][1],
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: 'abc123',
    verdict: evaluations[0]?.effectiveVerdict ?? 'error',
    evaluations,
    problems: [],
    ...overrides,
  };
}

/**
 * A soak criterion that has run `observed` of the `>= needed` seconds, as
 * the backend reports it: short of its time, it fails and says when to ask
 * again.
 */
export function soak(
  observed: number | null,
  needed: number,
  deployedAt = '2026-03-02T10:00:00.000Z',
): CriterionEvidence {
  const passed = observed !== null && observed >= needed;
  let state: CriterionEvidence['state'] = passed ? 'pass' : 'fail';
  if (observed === null) state = 'no_data';
  const due = new Date(Date.parse(deployedAt) + needed * 1000).toISOString();
  return criterion({
    key: 'soak',
    source: 'wait-timer',
    state,
    score: passed ? 1 : 0,
    observed,
    threshold: { pass: `>= ${needed}` },
    message:
      observed === null
        ? 'no data'
        : `in staging ${observed}s of the required ${needed}s`,
    ...(state === 'fail' ? { askAgainAt: due } : {}),
    details:
      observed === null
        ? { reason: 'abc123 is not deployed to staging' }
        : { environment: 'staging', deployedAt },
  });
}

/** An answer that is not yet: its enforcing gate fails on a soak. */
export function notYet(observed: number, needed: number): EvaluateAnswer {
  const criteria = [criterion(), soak(observed, needed)];
  return answer({
    verdict: 'fail',
    answer: 'not_yet',
    sentence: 'Not yet: Production SLOs cannot decide yet.',
    askAgainAt: criteria[1].askAgainAt,
    evaluations: [
      evaluation({ verdict: 'fail', effectiveVerdict: 'fail', criteria }),
    ],
  });
}
