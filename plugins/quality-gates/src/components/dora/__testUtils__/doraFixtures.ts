import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_DORA_THRESHOLDS,
  DoraDetailsResponse,
  DoraFigures,
  DoraMetricsResponse,
  DoraScope,
  DoraTrendResponse,
} from '@can-i-deploy/plugin-quality-gates-common';

const HOUR = 3600;
const DAY = 24 * HOUR;

export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
};

export const checkoutTeamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export const webshopEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'webshop', namespace: 'default' },
  spec: { owner: 'checkout-team' },
};

const checkoutScope: DoraScope = {
  kind: 'entity',
  ref: 'component:default/checkout',
  entityRefs: ['component:default/checkout'],
};

/**
 * 90 days of checkout: 45 production deployments (3.5 a week, high), lead
 * time 2 d 4 h (high), 12 of 140 failed (8.6 %, high), recovery 3 h 12 min
 * (high), rework 5 % (no bands).
 */
export const currentFigures: DoraFigures = {
  deploymentFrequency: {
    deployments: 45,
    perDay: 0.5,
    perWeek: 3.5,
    bucket: 'daily_to_weekly',
    band: 'high',
  },
  leadTime: {
    changes: 120,
    medianSeconds: 2 * DAY + 4 * HOUR,
    p90Seconds: 5 * DAY + 2 * HOUR,
    excludedNonPositive: 3,
    band: 'high',
  },
  changeFailureRate: {
    deployments: 140,
    failed: 12,
    rate: 12 / 140,
    band: 'high',
  },
  recoveryTime: {
    failures: 12,
    recovered: 11,
    unrecovered: 1,
    medianSeconds: 3 * HOUR + 12 * 60,
    band: 'high',
  },
  reworkRate: { deployments: 140, unplanned: 7, rate: 0.05, band: null },
};

/**
 * The 90 days before: fewer deployments (better now), shorter lead time
 * (worse now), a higher failure rate (better now), the same recovery, and
 * no deployments to judge rework by.
 */
export const previousFigures: DoraFigures = {
  deploymentFrequency: {
    deployments: 26,
    perDay: 2 / 7,
    perWeek: 2,
    bucket: 'daily_to_weekly',
    band: 'high',
  },
  leadTime: {
    changes: 80,
    medianSeconds: 1 * DAY + 1 * HOUR,
    p90Seconds: 3 * DAY,
    excludedNonPositive: 0,
    band: 'high',
  },
  changeFailureRate: {
    deployments: 100,
    failed: 15,
    rate: 0.15,
    band: 'medium',
  },
  recoveryTime: {
    failures: 15,
    recovered: 15,
    unrecovered: 0,
    medianSeconds: 3 * HOUR + 12 * 60,
    band: 'high',
  },
  reworkRate: { deployments: 0, unplanned: 0, rate: null, band: null },
};

export function metricsResponse(
  overrides: Partial<DoraMetricsResponse> = {},
): DoraMetricsResponse {
  return {
    scope: checkoutScope,
    environments: ['production', 'prod'],
    window: {
      from: '2026-08-22T10:00:00.000Z',
      to: '2026-11-20T10:00:00.000Z',
      days: 90,
    },
    current: currentFigures,
    previous: previousFigures,
    thresholds: DEFAULT_DORA_THRESHOLDS,
    ...overrides,
  };
}

const NO_DEPLOYMENTS: DoraFigures = {
  deploymentFrequency: {
    deployments: 0,
    perDay: 0,
    perWeek: 0,
    bucket: 'less_than_monthly',
    band: 'low',
  },
  leadTime: {
    changes: 0,
    medianSeconds: null,
    p90Seconds: null,
    excludedNonPositive: 0,
    band: null,
  },
  changeFailureRate: { deployments: 0, failed: 0, rate: null, band: null },
  recoveryTime: {
    failures: 0,
    recovered: 0,
    unrecovered: 0,
    medianSeconds: null,
    band: null,
  },
  reworkRate: { deployments: 0, unplanned: 0, rate: null, band: null },
};

export const emptyMetrics = metricsResponse({
  current: NO_DEPLOYMENTS,
  previous: NO_DEPLOYMENTS,
});

/** Three weeks, the middle one without any deployment. */
export const checkoutTrend: DoraTrendResponse = {
  scope: checkoutScope,
  items: [
    {
      weekStart: '2026-11-02T00:00:00.000Z',
      deployments: 4,
      leadTimeMedianSeconds: 30 * HOUR,
      changeFailureRate: 0.25,
      recoveryMedianSeconds: 2 * HOUR,
      reworkRate: 0,
    },
    {
      weekStart: '2026-11-09T00:00:00.000Z',
      deployments: 0,
      leadTimeMedianSeconds: null,
      changeFailureRate: null,
      recoveryMedianSeconds: null,
      reworkRate: null,
    },
    {
      weekStart: '2026-11-16T00:00:00.000Z',
      deployments: 3,
      leadTimeMedianSeconds: 20 * HOUR,
      changeFailureRate: 0,
      recoveryMedianSeconds: null,
      reworkRate: 1 / 3,
    },
  ],
};

export const failedDeploymentDetails: DoraDetailsResponse = {
  scope: checkoutScope,
  metric: 'changeFailureRate',
  totalCount: 12,
  items: [
    {
      entityRef: 'component:default/checkout',
      deploymentId: 'dep-140',
      environment: 'production',
      version: '1.40.0',
      status: 'rolled_back',
      deployedAt: '2026-11-19T09:00:00.000Z',
      reason: 'rolled_back',
    },
    {
      entityRef: 'component:default/checkout',
      deploymentId: 'dep-133',
      environment: 'production',
      version: '1.33.0',
      status: 'succeeded',
      deployedAt: '2026-11-12T09:00:00.000Z',
      reason: 'incident',
      incidentId: '3c1f9a2e-7d4b-4e8a-9f10-2b3c4d5e6f70',
      incidentExternalId: 'INC-7',
      incidentUrl: 'https://pager.example.com/incidents/INC-7',
      incidentTitle: 'Checkout returns 500 for saved cards',
    },
  ],
};

export const leadTimeDetails: DoraDetailsResponse = {
  scope: checkoutScope,
  metric: 'leadTime',
  totalCount: 2,
  items: [
    {
      entityRef: 'component:default/checkout',
      deploymentId: 'dep-140',
      sha: '4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345',
      repository: 'example-corp/checkout',
      changeUrl:
        'https://github.com/example-corp/checkout/commit/4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345',
      committedAt: '2026-11-17T05:00:00.000Z',
      deployedAt: '2026-11-19T09:00:00.000Z',
      durationSeconds: 2 * DAY + 4 * HOUR,
    },
    {
      entityRef: 'component:default/checkout',
      deploymentId: 'dep-140',
      sha: '0000000a7b3d5f60718293a4b5c6d7e8f9012345',
      repository: 'example-corp/checkout',
      committedAt: '2026-11-19T10:00:00.000Z',
      deployedAt: '2026-11-19T09:00:00.000Z',
      durationSeconds: -3600,
      reason: 'excluded_non_positive',
    },
  ],
};

export const recoveryDetails: DoraDetailsResponse = {
  scope: checkoutScope,
  metric: 'recoveryTime',
  totalCount: 1,
  items: [
    {
      entityRef: 'component:default/checkout',
      deploymentId: 'dep-133',
      version: '1.33.0',
      status: 'succeeded',
      reason: 'incident',
      incidentId: 'INC-7',
      incidentTitle: 'Checkout returns 500 for saved cards',
      startedAt: '2026-11-12T10:00:00.000Z',
      endedAt: '2026-11-12T13:12:00.000Z',
      durationSeconds: 3 * HOUR + 12 * 60,
    },
  ],
};

export const checkoutTeamScope: DoraScope = {
  kind: 'group',
  ref: 'group:default/checkout-team',
  entityRefs: [
    'component:default/checkout',
    'component:default/payments',
    'component:default/storefront',
  ],
};
