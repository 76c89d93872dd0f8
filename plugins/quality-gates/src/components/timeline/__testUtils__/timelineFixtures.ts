import { Entity } from '@backstage/catalog-model';
import {
  DeliveryTimeline,
  Deployment,
  DeploymentView,
  EnvironmentStates,
  Incident,
  TimelineGateDecision,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';

export const CHECKOUT = 'component:default/checkout';

export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
};

/** The timeline's range: the first week of November 2026, UTC. */
export const RANGE_FROM = '2026-11-01T00:00:00.000Z';
export const RANGE_TO = '2026-11-08T00:00:00.000Z';

/** `hours` after the range's start, as ISO. */
export function at(hours: number): string {
  return DateTime.fromISO(RANGE_FROM, { zone: 'utc' }).plus({ hours }).toISO()!;
}

export function deployment(
  id: string,
  environment: string,
  version: string,
  status: Deployment['status'],
  startedHours: number,
  change: Partial<Deployment> = {},
): Deployment {
  return {
    id,
    source: 'api',
    externalId: `ext-${id}`,
    entityRef: CHECKOUT,
    environment,
    version,
    status,
    actor: 'ana',
    startedAt: at(startedHours),
    finishedAt: status === 'in_progress' ? undefined : at(startedHours + 0.25),
    ...change,
  };
}

export const devDeploy = deployment('d1', 'dev', '1.4.0', 'succeeded', 10);
export const stagingDeploy = deployment(
  'd2',
  'staging',
  '1.4.0',
  'succeeded',
  30,
);
export const productionFailure = deployment(
  'd3',
  'production-eu',
  '1.4.0',
  'failed',
  60,
  { actor: 'release-bot', url: 'https://deploy.example.com/runs/d3' },
);
export const rollback = deployment(
  'd4',
  'production-eu',
  '1.3.9',
  'rolled_back',
  90,
);
export const devInProgress = deployment(
  'd5',
  'dev',
  '1.4.1',
  'in_progress',
  150,
);

function decision(
  evaluationId: string,
  environment: string,
  verdict: TimelineGateDecision['verdict'],
  decidedHours: number,
  change: Partial<TimelineGateDecision> = {},
): TimelineGateDecision {
  return {
    evaluationId,
    gateId: `${environment}-gate`,
    environment,
    version: '1.4.0',
    verdict,
    mode: 'enforce',
    decidedAt: at(decidedHours),
    ...change,
  };
}

export const productionGateFail = decision('e1', 'production-eu', 'fail', 59);
export const stagingGatePass = decision('e2', 'staging', 'pass', 29);
/** Decided for an environment the entity never deployed to. */
export const qaGateWarn = decision('e3', 'qa', 'warn', 20, {
  overriddenTo: 'pass',
});

export const errorSpike: Incident = {
  id: 'i1',
  source: 'pagerduty',
  externalId: 'PD-1',
  entityRef: CHECKOUT,
  environment: 'production-eu',
  severity: 'SEV2',
  title: 'Checkout errors spike',
  openedAt: at(62),
  resolvedAt: at(70),
  causedByDeploymentId: 'd3',
};

/** No environment: a production problem, drawn on the last lane. */
export const paymentsDown: Incident = {
  id: 'i2',
  source: 'pagerduty',
  externalId: 'PD-2',
  entityRef: CHECKOUT,
  title: 'Payments unavailable',
  openedAt: at(140),
};

export const checkoutTimeline: DeliveryTimeline = {
  entityRef: CHECKOUT,
  from: RANGE_FROM,
  to: RANGE_TO,
  // As the backend sends them: promotion order.
  lanes: ['dev', 'staging', 'production-eu', 'production-us'],
  deployments: [
    devDeploy,
    stagingDeploy,
    productionFailure,
    rollback,
    devInProgress,
  ],
  gateDecisions: [qaGateWarn, stagingGatePass, productionGateFail],
  incidents: [errorSpike, paymentsDown],
  truncated: false,
};

/** `count` deployments spread evenly over the range, across two lanes. */
export function busyTimeline(count: number): DeliveryTimeline {
  const hours = 7 * 24;
  return {
    ...checkoutTimeline,
    lanes: ['dev', 'production'],
    deployments: Array.from({ length: count }, (_, index) =>
      deployment(
        `busy-${index}`,
        index % 2 === 0 ? 'dev' : 'production',
        `2.${index}.0`,
        index % 10 === 0 ? 'failed' : 'succeeded',
        ((index + 0.5) * hours) / count,
      ),
    ),
    gateDecisions: [],
    incidents: [],
  };
}

export const productionFailureView: DeploymentView = {
  deployment: productionFailure,
  changes: [
    {
      repository: 'github.com/example-corp/checkout',
      sha: 'abcdef1234567890abcdef1234567890abcdef12',
      message: 'Fix rounding in totals\n\nThe long explanation.',
      author: 'ana',
      url: 'https://github.com/example-corp/checkout/commit/abcdef1',
      pullRequest: { number: 412 },
    },
    {
      repository: 'github.com/example-corp/checkout',
      sha: '1234567890abcdef1234567890abcdef12345678',
      message: 'Cache tax rates',
      author: 'bo',
    },
  ],
  pipelineRun: {
    id: 'run-77',
    source: 'github',
    externalId: 'gh-77',
    entityRef: CHECKOUT,
    pipelineName: 'deploy',
    runId: '77',
    result: 'failure',
    sha: 'abcdef1234567890abcdef1234567890abcdef12',
    startedAt: at(59.9),
    finishedAt: at(60.3),
    traceId: '5b8efff798038103d269b633813fc60c',
    url: 'https://github.com/example-corp/checkout/actions/runs/77',
  },
  gateDecisions: [productionGateFail],
  incidents: [errorSpike],
};

export const checkoutStates: EnvironmentStates = {
  entityRef: CHECKOUT,
  productionEnvironment: 'production-eu',
  environments: [
    {
      environment: 'dev',
      current: {
        version: '1.4.0',
        deploymentId: 'd1',
        deployedAt: at(10.25),
        actor: 'ana',
      },
      latestAttempt: {
        id: 'd5',
        version: '1.4.1',
        status: 'in_progress',
        startedAt: at(150),
      },
      aheadOfProduction: {
        versionsAhead: 2,
        changesAhead: 5,
        oldestWaitingSince: at(10.25),
      },
    },
    {
      environment: 'staging',
      current: {
        version: '1.4.0',
        deploymentId: 'd2',
        deployedAt: at(30.25),
        actor: 'ana',
      },
      aheadOfProduction: {
        versionsAhead: 1,
        changesAhead: 1,
        oldestWaitingSince: at(30.25),
      },
    },
    {
      environment: 'production-eu',
      current: {
        version: '1.3.8',
        deploymentId: 'd0',
        deployedAt: at(-48),
        actor: 'release-bot',
      },
      latestAttempt: {
        id: 'd4',
        version: '1.3.9',
        status: 'rolled_back',
        startedAt: at(90),
      },
    },
    {
      environment: 'production-us',
    },
  ],
};
