import { Entity } from '@backstage/catalog-model';
import {
  CriterionEvidence,
  GateEvaluation,
} from '@can-i-deploy/plugin-quality-gates-common';
import { GateStatusResponse } from '../../../api/QualityGatesApi';

export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
};

export const ERROR_RATIO_QUERY =
  'sum(rate(http_requests_total{service="checkout",version="1.4.0",code=~"5.."}[30m])) / sum(rate(http_requests_total{service="checkout",version="1.4.0"}[30m]))';

export const PROMETHEUS_LINK =
  'https://prometheus.example.com/graph?g0.expr=sum%28rate%28http_requests_total%29%29&g0.tab=0';

const errorRatio: CriterionEvidence = {
  key: 'error-ratio',
  title: 'Error ratio of the new version',
  source: 'prometheus',
  state: 'fail',
  weight: 2,
  keyCriterion: true,
  score: 0,
  observed: 0.0312345,
  threshold: { pass: '<= 0.01', warning: '<= 0.02' },
  sampleSize: 18234,
  query: ERROR_RATIO_QUERY,
  link: PROMETHEUS_LINK,
  message: '0.0312345 misses <= 0.01',
  durationMs: 41,
};

const latency: CriterionEvidence = {
  key: 'p95-latency',
  source: 'prometheus',
  state: 'pass',
  weight: 1,
  keyCriterion: false,
  score: 1,
  observed: 0.412,
  threshold: { pass: '<=+10%' },
  baseline: { value: 0.398, aggregate: 'p90', from: 5 },
  sampleSize: 18234,
  message: '0.412 meets <=+10%',
  durationMs: 38,
};

const ci: CriterionEvidence = {
  key: 'ci',
  title: 'The CI run of this version succeeded',
  source: 'pipeline',
  state: 'pass',
  weight: 2,
  keyCriterion: false,
  score: 2,
  observed: 1,
  threshold: { pass: '>= 1' },
  link: 'https://ci.example.com/checkout/runs/812',
  details: { pipelineName: 'build', runId: '812', result: 'success' },
  message: '1 meets >= 1',
  durationMs: 3,
};

/** A stored evaluation; production release checks that failed, by default. */
export function evaluation(
  change: Partial<GateEvaluation> = {},
): GateEvaluation {
  return {
    id: 'ev-prod-release',
    gateId: 'release-checks',
    gateTitle: 'Release checks',
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: '1.4.0',
    trigger: 'ci',
    mode: 'enforce',
    verdict: 'fail',
    effectiveVerdict: 'fail',
    score: 60,
    passPercent: 90,
    warningPercent: 75,
    criteria: [errorRatio, latency, ci],
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:00:01.000Z',
    ...change,
  };
}

/** A gate being watched in dry-run: it failed, and nothing was blocked. */
export const dryRunFreeze = evaluation({
  id: 'ev-prod-freeze',
  gateId: 'weekend-freeze',
  gateTitle: 'Weekend freeze',
  mode: 'dry-run',
  verdict: 'fail',
  effectiveVerdict: 'pass',
  score: 0,
  criteria: [
    {
      key: 'freeze',
      source: 'freeze',
      state: 'fail',
      weight: 1,
      keyCriterion: false,
      score: 0,
      observed: 0,
      threshold: { pass: '>= 1' },
      message: '0 misses >= 1',
      details: { frozenUntil: '2026-11-23T06:00:00.000Z' },
      durationMs: 1,
    },
  ],
});

/** Staging could not decide: the component's gate file is broken. */
export const brokenStaging = evaluation({
  id: 'ev-staging-release',
  environment: 'staging',
  verdict: 'error',
  effectiveVerdict: 'error',
  score: null,
  criteria: [],
  problems: ['.quality-gates.yaml is not valid YAML: bad indentation (line 3)'],
});

export const checkoutStatus: GateStatusResponse = {
  entityRef: 'component:default/checkout',
  // The backend orders by environment name: production before staging.
  latest: [evaluation(), dryRunFreeze, brokenStaging],
  recent: [
    {
      id: 'ev-prod-release',
      gateId: 'release-checks',
      environment: 'production',
      verdict: 'fail',
      version: '1.4.0',
      finishedAt: '2026-11-20T10:00:01.000Z',
    },
    {
      id: 'ev-prod-freeze',
      gateId: 'weekend-freeze',
      environment: 'production',
      verdict: 'fail',
      version: '1.4.0',
      finishedAt: '2026-11-20T10:00:01.000Z',
    },
    {
      id: 'ev-staging-release',
      gateId: 'release-checks',
      environment: 'staging',
      verdict: 'error',
      version: '1.4.0',
      finishedAt: '2026-11-20T09:00:00.000Z',
    },
    {
      id: 'ev-prod-release-old',
      gateId: 'release-checks',
      environment: 'production',
      verdict: 'pass',
      version: '1.3.2',
      finishedAt: '2026-11-10T10:00:00.000Z',
    },
  ],
};

/** The older production evaluation the strip leads to. */
export const olderProductionPass = evaluation({
  id: 'ev-prod-release-old',
  version: '1.3.2',
  verdict: 'pass',
  effectiveVerdict: 'pass',
  score: 100,
  criteria: [{ ...ci, key: 'ci' }],
  finishedAt: '2026-11-10T10:00:00.000Z',
});

/** Overridden to pass by a release manager, still in force. */
export const overriddenEvaluation = evaluation({
  id: 'ev-overridden',
  entityRef: 'component:default/payments',
  effectiveVerdict: 'pass',
  override: {
    id: 'ov-1',
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: '1.0.0',
    verdict: 'pass',
    reason: 'The error spike is the load test, not the release',
    createdBy: 'user:default/jane',
    createdAt: '2026-11-20T11:00:00.000Z',
    expiresAt: '2099-11-21T11:00:00.000Z',
    active: true,
  },
});
