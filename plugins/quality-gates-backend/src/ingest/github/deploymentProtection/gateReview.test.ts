import {
  CriterionEvidence,
  GateEvaluation,
} from '@can-i-deploy/plugin-quality-gates-common';
import { GateDecision } from '../../../gates/evaluation/GateEvaluator';
import {
  appLinks,
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
    id: 'decision-1',
    trigger: 'ci',
    decidedAt: '2026-03-02T10:00:00.050Z',
    answer: 'yes',
    sentence: 'Yes: every gate passes.',
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: SHA,
    verdict: 'pass',
    evaluations: [],
    problems: [],
    ...overrides,
  };
}

const links = appLinks('https://backstage.example.com/');

describe('gate review', () => {
  it('approves only a yes', () => {
    expect(stateOf('yes')).toBe('approved');
    expect(stateOf('no')).toBe('rejected');
    expect(stateOf('not_yet')).toBe('rejected');
    expect(stateOf('error')).toBe('rejected');
  });

  it('links the decision, and the gate history opened on an evaluation', () => {
    expect(links.evaluation('a b')).toBe(
      'https://backstage.example.com/gate-history?evaluation=a%20b',
    );
    expect(links.decision('d-1')).toBe(
      'https://backstage.example.com/gate-history/decisions/d-1',
    );
    expect(evaluationLinker(undefined)('eval-1')).toBeUndefined();
    expect(appLinks(undefined).decision('d-1')).toBeUndefined();
  });

  it('says the verdict, each gate with its link and its failing criteria', () => {
    const review = reviewOfDecision(
      decision({
        verdict: 'fail',
        answer: 'no',
        sentence: 'No: Production SLOs fails — 0.05 is not <= 0.01.',
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
      links,
    );

    expect(review.state).toBe('rejected');
    expect(review.comment.split('\n')).toEqual([
      'No: Production SLOs fails — 0.05 is not <= 0.01.',
      'Quality gates rejected component:default/checkout at f95f852 in production. Decision: https://backstage.example.com/gate-history/decisions/decision-1',
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
        id: 'd-2',
        environment: 'staging',
        verdict: 'error',
        answer: 'error',
        sentence: `Cannot decide: ${problem}.`,
        problems: [problem],
      }),
      appLinks(undefined),
    );
    expect(review).toEqual({
      state: 'rejected',
      comment: `Cannot decide: ${problem}.\nQuality gates rejected component:default/checkout at f95f852 in staging.\n${problem}`,
    });
  });

  it('approves a yes from an override, saying who, why and until when', () => {
    const review = reviewOfDecision(
      decision({
        verdict: 'pass',
        answer: 'yes',
        sentence:
          'Yes: Production SLOs fails but is overridden by user:default/jane until 8 Dec 14:00 UTC because hotfix for INC-7.',
        evaluations: [
          evaluation({
            id: 'eval-slo',
            verdict: 'fail',
            effectiveVerdict: 'pass',
            score: 0,
            override: {
              id: 'o1',
              entityRef: 'component:default/checkout',
              environment: 'production',
              version: SHA,
              gateId: 'production-slo',
              verdict: 'pass',
              reason: 'hotfix for INC-7',
              createdBy: 'user:default/jane',
              createdAt: '2026-12-06T10:00:00Z',
              expiresAt: '2026-12-08T14:00:00Z',
              active: true,
            },
          }),
        ],
      }),
      links,
    );
    expect(review.state).toBe('approved');
    expect(review.comment.split('\n').slice(0, 3)).toEqual([
      'Yes: Production SLOs fails but is overridden by user:default/jane until 8 Dec 14:00 UTC because hotfix for INC-7.',
      'Quality gates approved component:default/checkout at f95f852 in production. Decision: https://backstage.example.com/gate-history/decisions/decision-1',
      expect.stringMatching(
        /^- Production SLOs: pass \(recorded fail, overridden by user:default\/jane because hotfix for INC-7, until 8 Dec (2026 )?14:00 UTC\), score 0 https:/,
      ),
    ]);
  });

  it('keeps the comment short', () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      evaluation({ id: `eval-${i}`, gateTitle: `Gate ${i}` }),
    );
    const { comment } = reviewOfDecision(
      decision({ evaluations: many }),
      links,
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
