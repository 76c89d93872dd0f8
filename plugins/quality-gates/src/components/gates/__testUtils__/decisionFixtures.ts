import {
  GateDecision,
  GateDecisionSummary,
  GateOverride,
} from '@can-i-deploy/plugin-quality-gates-common';
import { GateCandidatesResponse } from '../../../api/QualityGatesApi';
import { brokenStaging, dryRunFreeze, evaluation } from './gateFixtures';

/**
 * Staging runs 1.4.0 and 1.5.0 was just built; production runs 1.3.2, so
 * 1.5.0 is what one would promote next (to staging).
 */
export const checkoutCandidates: GateCandidatesResponse = {
  environments: [
    {
      environment: 'staging',
      gated: true,
      runningVersion: '1.4.0',
      candidateVersion: '1.5.0',
    },
    {
      environment: 'production',
      gated: true,
      runningVersion: '1.3.2',
      candidateVersion: '1.4.0',
    },
  ],
  versions: [
    { version: '1.5.0', at: '2026-11-20T12:00:00.000Z', source: 'pipeline' },
    { version: '1.4.0', at: '2026-11-19T12:00:00.000Z', source: 'deployment' },
    { version: '1.3.2', at: '2026-11-10T12:00:00.000Z', source: 'deployment' },
  ],
};

export const activeOverride: GateOverride = {
  id: 'ov-prod',
  entityRef: 'component:default/checkout',
  environment: 'production',
  version: '1.4.0',
  gateId: 'release-checks',
  verdict: 'pass',
  reason: 'The error spike is the load test',
  createdBy: 'user:default/jane',
  createdAt: '2026-11-20T11:00:00.000Z',
  expiresAt: '2099-11-21T11:00:00.000Z',
  decisionId: 'dec-prod-no',
  active: true,
};

/** "No" for 1.4.0 in production: release checks fail, a freeze is watched. */
export const productionNo: GateDecision = {
  id: 'dec-prod-no',
  entityRef: 'component:default/checkout',
  environment: 'production',
  version: '1.4.0',
  trigger: 'ci',
  requestedBy: 'user:default/ci-bot',
  decidedAt: '2026-11-20T10:00:01.000Z',
  answer: 'no',
  sentence: 'No: Release checks fails — error ratio 3.12 % is above 1 %.',
  verdict: 'fail',
  evaluations: [
    evaluation({ decisionId: 'dec-prod-no' }),
    { ...dryRunFreeze, decisionId: 'dec-prod-no' },
  ],
  problems: [],
};

/** The same question after the override: yes, with the override shown. */
export const productionOverridden: GateDecision = {
  ...productionNo,
  id: 'dec-prod-overridden',
  trigger: 'manual',
  requestedBy: 'user:default/guest',
  decidedAt: '2026-11-20T11:05:00.000Z',
  answer: 'yes',
  sentence: 'Yes: Release checks is overridden to pass by jane.',
  verdict: 'pass',
  evaluations: [
    evaluation({
      id: 'ev-prod-release-2',
      decisionId: 'dec-prod-overridden',
      effectiveVerdict: 'pass',
      override: activeOverride,
    }),
    { ...dryRunFreeze, id: 'ev-prod-freeze-2' },
  ],
};

/** Staging could not decide about 1.4.0: its gate file is broken. */
export const stagingError: GateDecision = {
  id: 'dec-staging-error',
  entityRef: 'component:default/checkout',
  environment: 'staging',
  version: '1.4.0',
  trigger: 'schedule',
  decidedAt: '2026-11-20T09:00:00.000Z',
  answer: 'error',
  sentence:
    'Error: the gates could not decide — .quality-gates.yaml is broken.',
  verdict: 'error',
  evaluations: [brokenStaging],
  problems: [],
};

/** Not yet: the soak time in staging has not passed. */
export const stagingNotYet: GateDecision = {
  ...stagingError,
  id: 'dec-staging-not-yet',
  version: '1.5.0',
  answer: 'not_yet',
  sentence: 'Not yet: in staging 20 min of the required 1 h.',
  askAgainAt: '2099-11-20T10:00:00.000Z',
  verdict: 'pass',
  evaluations: [],
};

/** A decision as the history lists it: gates without their criteria. */
export function summaryOf(decision: GateDecision): GateDecisionSummary {
  const { evaluations, ...rest } = decision;
  return {
    ...rest,
    gates: evaluations.map(e => ({
      id: e.id,
      gateId: e.gateId,
      gateTitle: e.gateTitle,
      mode: e.mode,
      verdict: e.verdict,
      effectiveVerdict: e.effectiveVerdict,
      score: e.score,
      override: e.override,
    })),
  };
}

/**
 * A fake `listDecisions` that answers one listed decision per environment
 * and version given, and nothing for others.
 */
export function listDecisionsFrom(
  decisions: Array<
    Partial<GateDecisionSummary> & { gates: GateDecisionSummary['gates'] }
  >,
) {
  return async (request: { environment?: string; version?: string } = {}) => {
    const items: GateDecisionSummary[] = decisions
      .map(change => ({
        ...summaryOf(productionNo),
        ...change,
      }))
      .filter(
        d =>
          d.environment === request.environment &&
          d.version === request.version,
      );
    return { items, total: items.length };
  };
}
