import { Entity } from '@backstage/catalog-model';
import {
  EntityReadinessResponse,
  ReadinessCheckInfo,
  ReadinessHistoryResponse,
  ReadinessLevel,
  ReadinessOverviewGroupsResponse,
  ReadinessOverviewResponse,
  ReadinessRollupResponse,
  ReadinessSummary,
} from '@can-i-deploy/plugin-quality-gates-common';

export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
};

export const levels: ReadinessLevel[] = [
  { id: 'bronze', title: 'Bronze', description: 'Owned and findable.' },
  { id: 'silver', title: 'Silver', description: 'Problems reach a person.' },
  { id: 'gold', title: 'Gold', description: 'Operable by others.' },
];

export const checkInfos: ReadinessCheckInfo[] = [
  {
    id: 'owner',
    title: 'Owned by a team',
    description: 'Someone must answer for the component.',
    howToFix: 'Set `spec.owner` to a Group.',
    level: 'bronze',
  },
  {
    id: 'alerts',
    title: 'Alerts with instructions',
    description: 'Problems must be noticed.',
    howToFix:
      'Add a **runbook_url** annotation to each alert; see [the guide](https://example.com/runbooks).',
    level: 'silver',
  },
  {
    id: 'dashboards',
    title: 'Dashboards',
    description: 'People must see how it behaves.',
    howToFix: 'Add a dashboard as code.',
    level: 'silver',
  },
  {
    id: 'on-call',
    title: 'On-call rotation',
    description: 'Pages must reach a person.',
    howToFix: 'Add `pagerduty.com/service-id`.',
    level: 'silver',
  },
  {
    id: 'docs',
    title: 'Documentation',
    description: 'Others must be able to operate it.',
    howToFix: 'Add `backstage.io/techdocs-ref`.',
    level: 'gold',
  },
  {
    id: 'source',
    title: 'Source location',
    description: 'The code must be findable.',
    howToFix: 'Add `github.com/project-slug`.',
    level: 'bronze',
  },
  {
    id: 'sbom',
    title: 'SBOM published',
    description: 'What ships must be known.',
    howToFix: 'Publish an SBOM.',
    level: 'gold',
  },
];

const info = (id: string) => checkInfos.find(check => check.id === id)!;

/** Checkout at bronze, with one check in each of the seven states. */
export const checkoutReadiness: EntityReadinessResponse = {
  entityRef: 'component:default/checkout',
  levels,
  checks: [
    {
      ...info('owner'),
      result: {
        checkId: 'owner',
        state: 'passed',
        message: 'Owned by group:default/checkout-team.',
        evidence: [
          {
            title: 'Owner group:default/checkout-team',
            url: 'https://backstage.example/catalog/default/group/checkout-team',
          },
        ],
      },
    },
    {
      ...info('alerts'),
      result: {
        checkId: 'alerts',
        state: 'failed',
        message: '1 of 2 alert rules lacks what an on-call person needs.',
        missing: ['runbook_url on alert CheckoutHighErrorRate'],
        evidence: [
          {
            title: 'alerts/checkout.rules.yaml',
            url: 'https://github.com/example-corp/checkout/blob/main/alerts/checkout.rules.yaml',
          },
        ],
        items: [
          {
            name: 'CheckoutHighErrorRate',
            state: 'failed',
            missing: ['runbook_url annotation is not a URL', 'for duration'],
            source: 'alerts/checkout.rules.yaml',
          },
          {
            name: 'CheckoutLatencyHigh',
            state: 'passed',
            missing: [],
            source: 'prometheus',
          },
        ],
      },
    },
    {
      ...info('dashboards'),
      result: {
        checkId: 'dashboards',
        state: 'warning',
        message: 'One dashboard has no panels.',
        missing: ['panels in dashboard Checkout overview'],
        evidence: [
          {
            title: 'Checkout overview',
            url: 'https://grafana.example/d/checkout',
          },
        ],
      },
    },
    {
      ...info('on-call'),
      result: {
        checkId: 'on-call',
        state: 'exempt',
        message: 'Exempt: on-call moves to the new tool.',
        exemptionId: 'ex-1',
      },
    },
    {
      ...info('docs'),
      result: {
        checkId: 'docs',
        state: 'error',
        message: 'TechDocs could not be read: timeout.',
      },
    },
    {
      ...info('source'),
      result: {
        checkId: 'source',
        state: 'not_reported',
        message: 'Not evaluated yet.',
      },
    },
    {
      ...info('sbom'),
      result: {
        checkId: 'sbom',
        state: 'not_applicable',
        message: 'Only services of tier 1 need an SBOM.',
      },
    },
  ],
  summary: {
    entityRef: 'component:default/checkout',
    kind: 'component',
    title: 'Checkout',
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/checkout-team',
    level: 'bronze',
    nextLevel: 'silver',
    score: 50,
    counts: {
      passed: 1,
      warning: 1,
      failed: 1,
      error: 1,
      not_reported: 1,
      exempt: 1,
      not_applicable: 1,
    },
    failingChecks: ['alerts', 'docs', 'source'],
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    firstSeenAt: '2026-10-01T08:00:00.000Z',
    isNew: false,
  },
  exemptions: [
    {
      id: 'ex-1',
      entityRef: 'component:default/checkout',
      checkId: 'on-call',
      reason: 'On-call moves to the new paging tool in December',
      createdBy: 'user:default/platform-lead',
      createdAt: '2026-11-01T09:00:00.000Z',
      expiresAt: '2026-12-31T22:59:59.999Z',
      active: true,
    },
    {
      id: 'ex-0',
      entityRef: 'component:default/checkout',
      checkId: 'dashboards',
      reason: 'Dashboards were being migrated to Perses',
      createdBy: 'user:default/platform-lead',
      createdAt: '2026-09-01T09:00:00.000Z',
      expiresAt: '2026-10-01T09:00:00.000Z',
      revokedBy: 'user:default/sre-lead',
      revokedAt: '2026-09-15T09:00:00.000Z',
      active: false,
    },
  ],
};

export const checkoutHistory: ReadinessHistoryResponse = {
  entityRef: 'component:default/checkout',
  items: [
    {
      evaluatedAt: '2026-10-01T08:00:00.000Z',
      level: null,
      score: 20,
      counts: { ...checkoutReadiness.summary!.counts },
      states: { owner: 'failed' },
    },
    {
      evaluatedAt: '2026-11-20T10:00:00.000Z',
      level: 'bronze',
      score: 50,
      counts: { ...checkoutReadiness.summary!.counts },
      states: { owner: 'passed' },
    },
  ],
};

function summary(overrides: Partial<ReadinessSummary>): ReadinessSummary {
  return {
    ...checkoutReadiness.summary!,
    ...overrides,
  };
}

export const overviewResponse: ReadinessOverviewResponse = {
  items: [
    summary({
      entityRef: 'component:default/search-indexer',
      title: 'Search indexer',
      lifecycle: 'experimental',
      owner: 'group:default/search-team',
      level: null,
      nextLevel: 'bronze',
      score: 0,
      failingChecks: ['owner', 'alerts'],
      isNew: true,
    }),
    summary({
      entityRef: 'component:default/checkout',
      title: 'Checkout',
      level: 'gold',
      nextLevel: null,
      score: 100,
      failingChecks: [],
    }),
  ],
  totalCount: 60,
  levels,
  facets: {
    kinds: ['component'],
    lifecycles: ['experimental', 'production'],
    owners: ['group:default/checkout-team', 'group:default/search-team'],
    systems: ['system:default/webshop'],
  },
};

/** The checkout team's roll-up: four components, one not evaluated. */
export const checkoutTeamRollup: ReadinessRollupResponse = {
  scope: {
    kind: 'group',
    ref: 'group:default/checkout-team',
    includesSubgroups: true,
  },
  levels,
  distribution: {
    levels: [
      { level: 'bronze', count: 1 },
      { level: 'silver', count: 0 },
      { level: 'gold', count: 1 },
      { level: null, count: 1 },
    ],
    notEvaluated: 1,
    total: 4,
  },
  worstChecks: [
    {
      checkId: 'alerts',
      title: 'Alerts with instructions',
      count: 2,
      entityRefs: ['component:default/checkout', 'component:default/payments'],
    },
    {
      checkId: 'owner',
      title: 'Owned by a team',
      count: 1,
      entityRefs: ['component:default/payments'],
    },
  ],
  items: [
    {
      entityRef: 'component:default/payments',
      evaluated: true,
      level: null,
      score: 20,
      failingChecks: ['owner', 'alerts'],
    },
    {
      entityRef: 'component:default/checkout',
      title: 'Checkout',
      evaluated: true,
      level: 'bronze',
      score: 50,
      failingChecks: ['alerts'],
    },
    {
      entityRef: 'component:default/storefront',
      evaluated: true,
      level: 'gold',
      score: 100,
      failingChecks: [],
    },
    {
      entityRef: 'component:default/basket',
      evaluated: false,
      level: null,
      score: null,
      failingChecks: [],
    },
  ],
};

/** The overview grouped by owner. */
export const overviewGroupsByOwner: ReadinessOverviewGroupsResponse = {
  groupBy: 'owner',
  levels,
  items: [
    {
      ref: 'group:default/checkout-team',
      distribution: {
        levels: [
          { level: 'bronze', count: 1 },
          { level: 'silver', count: 0 },
          { level: 'gold', count: 1 },
          { level: null, count: 1 },
        ],
        notEvaluated: 0,
        total: 3,
      },
      worstCheck: checkoutTeamRollup.worstChecks[0],
    },
    {
      ref: null,
      distribution: {
        levels: [
          { level: 'bronze', count: 0 },
          { level: 'silver', count: 0 },
          { level: 'gold', count: 0 },
          { level: null, count: 1 },
        ],
        notEvaluated: 0,
        total: 1,
      },
    },
  ],
};
