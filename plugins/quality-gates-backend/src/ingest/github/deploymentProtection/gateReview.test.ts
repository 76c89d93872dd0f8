import {
  CriterionEvidence,
  GateEvaluation,
} from '@can-i-deploy/plugin-quality-gates-common';
import { GateDecision } from '../../../gates/evaluation/GateEvaluator';
import {
  evaluationLinker,
  rejection,
  reviewOfDecision,
  stateOf,
} from './gateReview';

const SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';

function criterion(
  key: string,
  state: CriterionEvidence['state'],
  message: string,
): CriterionEvidence {
  return {
    key,
    source: 'prometheus',
    state,
    weight: 1,
    keyCriterion: false,
    score: state === 'pass' ? 1 : 0,
    observed: 0.05,
    message,
    durationMs: 12,
  };
}

function evaluation(overrides: Partial<GateEvaluation>): GateEvaluation {
  return {
    id: 'eval-1',
    gateId: 'production-slo',
    gateTitle: 'Production SLOs',
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: SHA,
    trigger: 'ci',
    mode: 'enforce',
    verdict: 'pass',
    effectiveVerdict: 'pass',
    score: 100,
    passPercent: 90,
    warningPercent: 75,
    criteria: [],
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:00:01.000Z',
    ...overrides,
  };
}

function decision(overrides: Partial<GateDecision>): GateDecision {
  return {
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: SHA,
    verdict: 'pass',
    evaluations: [],
    problems: [],
    ...overrides,
  };
}

const linkTo = evaluationLinker('https://backstage.example.com/');

describe('gate review', () => {
  it('approves pass and warn, rejects fail and error', () => {
    expect(stateOf('pass')).toBe('approved');
    expect(stateOf('warn')).toBe('approved');
    expect(stateOf('fail')).toBe('rejected');
    expect(stateOf('error')).toBe('rejected');
  });

  it('links the gate history page opened on the evaluation', () => {
    expect(linkTo('a b')).toBe(
      'https://backstage.example.com/gate-history?evaluation=a%20b',
    );
    expect(evaluationLinker(undefined)('eval-1')).toBeUndefined();
  });

  it('says the verdict, each gate with its link and its failing criteria', () => {
    const review = reviewOfDecision(
      decision({
        verdict: 'fail',
        evaluations: [
          evaluation({
            id: 'eval-slo',
            verdict: 'fail',
            effectiveVerdict: 'fail',
            score: 33.3,
            criteria: [
              criterion('error-ratio', 'fail', '0.05 is not <= 0.01'),
              criterion('latency', 'pass', '120 ms is <= 200 ms'),
              criterion('saturation', 'no_data', 'no series'),
              criterion('queue', 'error', 'provider is down'),
              criterion('cpu', 'fail', '95 % is not <= 80 %'),
            ],
          }),
          evaluation({
            id: 'eval-canary',
            gateTitle: 'Canary',
            mode: 'warn-only',
            verdict: 'fail',
            effectiveVerdict: 'warn',
            score: 0,
          }),
        ],
      }),
      linkTo,
    );

    expect(review.state).toBe('rejected');
    expect(review.comment.split('\n')).toEqual([
      'Quality gates: fail for component:default/checkout at f95f852 in production, so rejected.',
      '- Production SLOs: fail, score 33 https://backstage.example.com/gate-history?evaluation=eval-slo',
      '  - error-ratio: fail, 0.05 is not <= 0.01',
      '  - saturation: no_data, no series',
      '  - queue: error, provider is down',
      '  - and 1 more',
      '- Canary: warn (recorded fail, warn-only), score 0 https://backstage.example.com/gate-history?evaluation=eval-canary',
    ]);
  });

  it('says why nothing decided', () => {
    const problem =
      'No gate applies to component:default/checkout in staging: nothing decides, so the answer is no';
    const review = reviewOfDecision(
      decision({
        environment: 'staging',
        verdict: 'error',
        problems: [problem],
      }),
      linkTo,
    );
    expect(review).toEqual({
      state: 'rejected',
      comment: `Quality gates: error for component:default/checkout at f95f852 in staging, so rejected.\n${problem}`,
    });
  });

  it('keeps the comment short', () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      evaluation({ id: `eval-${i}`, gateTitle: `Gate ${i}` }),
    );
    const { comment } = reviewOfDecision(
      decision({ evaluations: many }),
      linkTo,
    );
    expect(comment.length).toBe(2000);
    expect(comment.endsWith('…')).toBe(true);
  });

  it('rejects with a reason', () => {
    expect(rejection('No catalog entity matches x.')).toEqual({
      state: 'rejected',
      comment: 'Quality gates: rejected. No catalog entity matches x.',
    });
  });
});
