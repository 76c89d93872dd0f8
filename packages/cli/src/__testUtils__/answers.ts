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
  return {
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: 'abc123',
    verdict: evaluations[0]?.effectiveVerdict ?? 'error',
    evaluations,
    problems: [],
    ...overrides,
  };
}

/** A soak criterion that has run `observed` of the `>= needed` seconds. */
export function soak(
  observed: number | null,
  needed: number,
  deployedAt = '2026-03-02T10:00:00.000Z',
): CriterionEvidence {
  const passed = observed !== null && observed >= needed;
  let state: CriterionEvidence['state'] = passed ? 'pass' : 'fail';
  if (observed === null) state = 'no_data';
  return criterion({
    key: 'soak',
    source: 'wait-timer',
    state,
    score: passed ? 1 : 0,
    observed,
    threshold: { pass: `>= ${needed}` },
    message: observed === null ? 'no data' : `${observed} vs >= ${needed}`,
    details:
      observed === null
        ? { reason: 'abc123 is not deployed to staging' }
        : { environment: 'staging', deployedAt },
  });
}
