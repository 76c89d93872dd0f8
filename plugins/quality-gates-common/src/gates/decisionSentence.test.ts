import { decisionAnswer } from './decisionAnswer';
import { decisionSentence, DecisionSentenceInput } from './decisionSentence';
import { CriterionEvidence, GateOverride } from './GateEvaluation';

const NOW = new Date('2026-12-06T12:00:00Z');

function criterion(
  state: CriterionEvidence['state'],
  message: string,
): CriterionEvidence {
  return {
    key: 'k',
    source: 's',
    state,
    weight: 1,
    keyCriterion: false,
    score: state === 'pass' ? 1 : 0,
    observed: null,
    message,
    durationMs: 1,
  };
}

type Gate = DecisionSentenceInput['evaluations'][number];

function gate(overrides: Partial<Gate> = {}): Gate {
  return {
    gateTitle: 'Release checks',
    mode: 'enforce',
    verdict: 'pass',
    effectiveVerdict: 'pass',
    criteria: [criterion('pass', 'CI run #4185 succeeded')],
    ...overrides,
  };
}

const override: GateOverride = {
  id: 'o1',
  entityRef: 'component:default/checkout',
  environment: 'production',
  version: '1.4.0',
  verdict: 'pass',
  reason: 'hotfix for INC-7, reviewed by the on-call',
  createdBy: 'user:default/jane',
  createdAt: '2026-12-06T10:00:00Z',
  expiresAt: '2026-12-08T14:00:00Z',
  active: true,
};

function say(evaluations: Gate[], problems: string[] = []) {
  return decisionSentence(
    {
      answer: decisionAnswer(evaluations, problems),
      environment: 'production',
      version: '1.4.0',
      evaluations,
      problems,
    },
    NOW,
  );
}

describe('decisionSentence', () => {
  it('says yes with how many gates pass', () => {
    expect(
      say([
        gate(),
        gate({ gateTitle: 'SLOs' }),
        gate({ gateTitle: 'Soak time' }),
      ]),
    ).toBe('Yes: all 3 gates pass for 1.4.0 in production.');
    expect(say([gate()])).toBe(
      'Yes: Release checks passes for 1.4.0 in production.',
    );
  });

  it('marks warn-only and dry-run gates beside a yes', () => {
    expect(
      say([
        gate(),
        gate({
          gateTitle: 'Latency',
          mode: 'warn-only',
          verdict: 'fail',
          effectiveVerdict: 'warn',
        }),
        gate({
          gateTitle: 'New SLO',
          mode: 'dry-run',
          verdict: 'warn',
          effectiveVerdict: 'pass',
        }),
      ]),
    ).toBe(
      'Yes: Release checks passes for 1.4.0 in production (warn-only: Latency fails; dry-run: New SLO warns).',
    );
  });

  it('says no with the first failing criterion', () => {
    expect(
      say([
        gate({
          verdict: 'fail',
          effectiveVerdict: 'fail',
          criteria: [
            criterion('pass', 'in staging 2 h'),
            criterion('fail', 'CI run #4185 failed'),
          ],
        }),
      ]),
    ).toBe('No: Release checks fails — CI run #4185 failed.');
  });

  it('says yes because of an override, with who, until when and why', () => {
    expect(
      say([
        gate({
          verdict: 'fail',
          effectiveVerdict: 'pass',
          override,
          criteria: [criterion('fail', 'CI run #4185 failed')],
        }),
      ]),
    ).toBe(
      'Yes: Release checks fails but is overridden by user:default/jane until 8 Dec 14:00 UTC because hotfix for INC-7, reviewed by the on-call.',
    );
  });

  it('cannot decide when a provider fails, or nothing applies', () => {
    expect(
      say([
        gate({
          gateTitle: 'SLO burn rate',
          verdict: 'error',
          effectiveVerdict: 'error',
          criteria: [
            criterion('error', 'The Prometheus provider could not be reached'),
          ],
        }),
      ]),
    ).toBe(
      'Cannot decide: the Prometheus provider could not be reached (SLO burn rate).',
    );
    expect(say([], ['No gate applies to checkout in production'])).toBe(
      'Cannot decide: No gate applies to checkout in production.',
    );
  });

  it('says not yet with when to ask again', () => {
    const evaluations = [
      gate({
        gateTitle: 'Soak time',
        verdict: 'fail',
        effectiveVerdict: 'fail',
        criteria: [criterion('fail', 'in staging 20 min of the required 1 h')],
      }),
    ];
    const askAgainAt = '2026-12-06T12:40:00Z';
    const answer = decisionAnswer(evaluations, [], { askAgainAt });
    expect(answer).toBe('not_yet');
    expect(
      decisionSentence(
        {
          answer,
          environment: 'production',
          version: '1.4.0',
          askAgainAt,
          evaluations,
          problems: [],
        },
        NOW,
      ),
    ).toBe(
      'Not yet: Soak time cannot decide yet — in staging 20 min of the required 1 h; ask again after 6 Dec 12:40 UTC.',
    );
  });
});
