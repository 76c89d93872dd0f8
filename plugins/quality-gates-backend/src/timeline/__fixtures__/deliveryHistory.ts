import { Knex } from 'knex';
import { rebuildFirstDeployments } from '../../delivery/firstDeployments';

/**
 * Two weeks of one component's delivery whose timeline, "what is where" and
 * paths to production were worked out by hand (see the tests beside it):
 *
 *   commit  dev            staging              production
 *   s1      d1 (5 Jan)     d2 (5 Jan)           d3 (6 Jan, succeeded)
 *   -       -              d2b redeploys v1     -
 *   s2      d4 (8 Jan)     d5 (8 Jan)           d6 (9 Jan, failed)
 *   s3, s4  d7 (10 Jan)    d8 (10 Jan)          -
 *   -       d9 (12 Jan, in progress)
 *
 * plus d0, an old production deployment of s0 (November), gate decisions
 * (one overridden, one outside the range), incidents before, across, inside
 * and after January, and pipeline runs that built s1 and s2. Payments never
 * reaches a configured production environment; inventory deploys to both
 * `prod` and `production`; ghost is not in the catalog.
 */
export const CHECKOUT = 'component:default/checkout';
export const PAYMENTS = 'component:default/payments';
export const INVENTORY = 'component:default/inventory';
export const GHOST = 'component:default/ghost';
export const REPO = 'github.com/example-corp/checkout';

const t = (iso: string) => new Date(iso);

interface DeploymentSpec {
  id: string;
  entityRef?: string | null;
  environment: string;
  version: string;
  status: string;
  startedAt: string;
  finishedAt?: string;
  actor?: string;
  changes?: string[];
  pipelineRunId?: string;
}

const DEPLOYMENTS: DeploymentSpec[] = [
  {
    id: 'd0',
    environment: 'production',
    version: 'v0',
    status: 'succeeded',
    startedAt: '2025-11-01T10:00:00Z',
    finishedAt: '2025-11-01T10:10:00Z',
    changes: ['s0'],
  },
  {
    id: 'd1',
    environment: 'dev',
    version: 'v1',
    status: 'succeeded',
    startedAt: '2026-01-05T09:00:00Z',
    finishedAt: '2026-01-05T09:05:00Z',
    changes: ['s1'],
    pipelineRunId: 'r1',
  },
  {
    id: 'd2',
    environment: 'staging',
    version: 'v1',
    status: 'succeeded',
    startedAt: '2026-01-05T12:00:00Z',
    finishedAt: '2026-01-05T12:10:00Z',
    changes: ['s1'],
  },
  {
    id: 'd3',
    environment: 'production',
    version: 'v1',
    status: 'succeeded',
    startedAt: '2026-01-06T10:00:00Z',
    finishedAt: '2026-01-06T10:15:00Z',
    actor: 'alice',
    changes: ['s1'],
    pipelineRunId: 'r3',
  },
  {
    id: 'd2b',
    environment: 'staging',
    version: 'v1',
    status: 'succeeded',
    startedAt: '2026-01-07T08:00:00Z',
    finishedAt: '2026-01-07T08:05:00Z',
  },
  {
    id: 'd4',
    environment: 'dev',
    version: 'v2',
    status: 'succeeded',
    startedAt: '2026-01-08T09:00:00Z',
    finishedAt: '2026-01-08T09:05:00Z',
    changes: ['s2'],
  },
  {
    id: 'd5',
    environment: 'staging',
    version: 'v2',
    status: 'succeeded',
    startedAt: '2026-01-08T12:00:00Z',
    finishedAt: '2026-01-08T12:10:00Z',
    changes: ['s2'],
  },
  {
    id: 'd6',
    environment: 'production',
    version: 'v2',
    status: 'failed',
    startedAt: '2026-01-09T10:00:00Z',
    finishedAt: '2026-01-09T10:20:00Z',
    changes: ['s2'],
  },
  {
    id: 'd7',
    environment: 'dev',
    version: 'v3',
    status: 'succeeded',
    startedAt: '2026-01-10T09:00:00Z',
    finishedAt: '2026-01-10T09:05:00Z',
    changes: ['s3', 's4'],
  },
  {
    id: 'd8',
    environment: 'staging',
    version: 'v3',
    status: 'succeeded',
    startedAt: '2026-01-10T12:00:00Z',
    finishedAt: '2026-01-10T12:10:00Z',
    changes: ['s3', 's4'],
  },
  {
    id: 'd9',
    environment: 'dev',
    version: 'v4',
    status: 'in_progress',
    startedAt: '2026-01-12T09:00:00Z',
  },
  // Payments: dev and staging only; the second dev deployment failed.
  {
    id: 'p1',
    entityRef: PAYMENTS,
    environment: 'dev',
    version: 'v10',
    status: 'succeeded',
    startedAt: '2026-01-03T10:00:00Z',
    finishedAt: '2026-01-03T10:05:00Z',
    changes: ['t1'],
  },
  {
    id: 'p2',
    entityRef: PAYMENTS,
    environment: 'staging',
    version: 'v10',
    status: 'succeeded',
    startedAt: '2026-01-04T10:00:00Z',
    finishedAt: '2026-01-04T10:10:00Z',
    changes: ['t1'],
  },
  {
    id: 'p3',
    entityRef: PAYMENTS,
    environment: 'dev',
    version: 'v11',
    status: 'failed',
    startedAt: '2026-01-07T10:00:00Z',
    finishedAt: '2026-01-07T10:05:00Z',
    changes: ['t2'],
  },
  // Inventory: `production` long ago, `prod` since.
  {
    id: 'n1',
    entityRef: INVENTORY,
    environment: 'production',
    version: 'v20',
    status: 'succeeded',
    startedAt: '2025-12-01T10:00:00Z',
    finishedAt: '2025-12-01T10:05:00Z',
  },
  {
    id: 'n2',
    entityRef: INVENTORY,
    environment: 'staging',
    version: 'v21',
    status: 'succeeded',
    startedAt: '2026-01-02T10:00:00Z',
    finishedAt: '2026-01-02T10:05:00Z',
  },
  {
    id: 'n3',
    entityRef: INVENTORY,
    environment: 'prod',
    version: 'v21',
    status: 'succeeded',
    startedAt: '2026-01-03T10:00:00Z',
    finishedAt: '2026-01-03T10:05:00Z',
  },
  // Not in the catalog, and not resolved to any entity.
  {
    id: 'x1',
    entityRef: GHOST,
    environment: 'production',
    version: 'v1',
    status: 'succeeded',
    startedAt: '2026-01-05T10:00:00Z',
  },
  {
    id: 'u1',
    entityRef: null,
    environment: 'production',
    version: 'v1',
    status: 'succeeded',
    startedAt: '2026-01-05T10:00:00Z',
  },
];

const COMMITS: Record<string, string> = {
  s0: 'Old feature',
  s1: 'Add express checkout',
  s2: 'Retry payment calls',
  s3: 'Cache tax rates',
  s4: 'Fix rounding',
};

const GATE_EVALUATIONS = [
  {
    id: 'g0',
    gateId: 'slo',
    environment: 'production',
    version: 'v0',
    verdict: 'pass',
    mode: 'enforce',
    finishedAt: '2025-11-01T09:55:00Z',
  },
  {
    id: 'ga',
    gateId: 'slo',
    environment: 'production',
    version: 'v1',
    verdict: 'pass',
    mode: 'enforce',
    finishedAt: '2026-01-06T09:55:00Z',
  },
  {
    id: 'gb',
    gateId: 'slo',
    environment: 'staging',
    version: 'v2',
    verdict: 'warn',
    mode: 'warn-only',
    finishedAt: '2026-01-08T11:50:00Z',
  },
  {
    id: 'gc',
    gateId: 'slo',
    environment: 'production',
    version: 'v2',
    verdict: 'fail',
    mode: 'enforce',
    finishedAt: '2026-01-09T09:50:00Z',
  },
  {
    id: 'gd',
    gateId: 'perf',
    environment: 'production',
    version: 'v2',
    verdict: 'pass',
    mode: 'dry-run',
    finishedAt: '2026-01-09T09:52:00Z',
  },
];

/** Two overrides of gc: the later one (pass) is what the marker shows. */
const OVERRIDES = [
  {
    id: 'o1',
    evaluationId: 'gc',
    verdict: 'fail',
    createdAt: '2026-01-09T09:53:00Z',
  },
  {
    id: 'o2',
    evaluationId: 'gc',
    verdict: 'pass',
    createdAt: '2026-01-09T09:55:00Z',
  },
];

const INCIDENTS = [
  // Before January, still open: on the timeline.
  { id: 'i0', openedAt: '2025-12-30T00:00:00Z' },
  {
    id: 'i1',
    openedAt: '2026-01-09T11:00:00Z',
    resolvedAt: '2026-01-09T12:00:00Z',
    causedBy: 'd3',
  },
  // Resolved before January, opened after it: not on the timeline.
  {
    id: 'iold',
    openedAt: '2025-11-02T00:00:00Z',
    resolvedAt: '2025-11-03T00:00:00Z',
  },
  { id: 'ilate', openedAt: '2026-02-05T00:00:00Z' },
];

const PIPELINE_RUNS = [
  // Built s1, then deployed it (d1 by r1, d3 by r3).
  {
    id: 'r1',
    pipelineName: 'ci',
    sha: 's1',
    result: 'success',
    startedAt: '2026-01-05T08:30:00Z',
    finishedAt: '2026-01-05T08:50:00Z',
  },
  {
    id: 'r3',
    pipelineName: 'deploy',
    sha: 's1',
    result: 'success',
    startedAt: '2026-01-06T09:58:00Z',
    finishedAt: '2026-01-06T10:16:00Z',
  },
  // The pull request's checks and the main branch build of s2.
  {
    id: 'r2a',
    pipelineName: 'ci',
    sha: 's2',
    result: 'success',
    startedAt: '2026-01-07T15:00:00Z',
    finishedAt: '2026-01-07T15:10:00Z',
  },
  {
    id: 'r2b',
    pipelineName: 'ci',
    sha: 's2',
    result: 'success',
    startedAt: '2026-01-08T08:00:00Z',
    finishedAt: '2026-01-08T08:20:00Z',
  },
];

/** Writes the history as the ingest writes it: rows of the plugin's tables. */
export async function writeDeliveryHistory(knex: Knex): Promise<void> {
  const now = new Date();
  await knex('pipeline_runs').insert(
    PIPELINE_RUNS.map(run => ({
      id: run.id,
      source: 'test',
      external_id: run.id,
      entity_ref: CHECKOUT,
      pipeline_name: run.pipelineName,
      sha: run.sha,
      repository: REPO,
      result: run.result,
      started_at: t(run.startedAt),
      finished_at: t(run.finishedAt),
      created_at: now,
      updated_at: now,
    })),
  );
  await knex('deployments').insert(
    DEPLOYMENTS.map(d => ({
      id: d.id,
      source: 'test',
      external_id: d.id,
      entity_ref: d.entityRef === undefined ? CHECKOUT : d.entityRef,
      environment: d.environment,
      version: d.version,
      actor: d.actor ?? null,
      status: d.status,
      started_at: t(d.startedAt),
      finished_at: d.finishedAt ? t(d.finishedAt) : null,
      pipeline_run_id: d.pipelineRunId ?? null,
      created_at: now,
      updated_at: now,
    })),
  );
  await knex('changes').insert(
    Object.entries(COMMITS).map(([sha, message]) => ({
      id: `change-${sha}`,
      repository: REPO,
      sha,
      entity_ref: CHECKOUT,
      source: 'test',
      message,
      created_at: now,
      updated_at: now,
    })),
  );
  await knex('deployment_changes').insert(
    DEPLOYMENTS.flatMap(d =>
      (d.changes ?? []).map(sha => ({
        deployment_id: d.id,
        repository: REPO,
        sha,
      })),
    ),
  );
  // What the ingest derives from these rows: which deployment shipped what.
  await rebuildFirstDeployments(knex);
  await knex('gate_evaluations').insert(
    GATE_EVALUATIONS.map(g => ({
      id: g.id,
      gate_id: g.gateId,
      gate_title: g.gateId.toUpperCase(),
      entity_ref: CHECKOUT,
      environment: g.environment,
      version: g.version,
      trigger: 'ci',
      mode: g.mode,
      verdict: g.verdict,
      score: null,
      pass_percent: 90,
      warning_percent: 75,
      started_at: t(g.finishedAt),
      finished_at: t(g.finishedAt),
    })),
  );
  await knex('gate_overrides').insert(
    OVERRIDES.map(o => {
      const evaluation = GATE_EVALUATIONS.find(g => g.id === o.evaluationId)!;
      return {
        id: o.id,
        evaluation_id: o.evaluationId,
        entity_ref: CHECKOUT,
        environment: evaluation.environment,
        version: evaluation.version,
        gate_id: evaluation.gateId,
        verdict: o.verdict,
        reason: 'Known flaky probe, checked by hand',
        created_by: 'user:default/alice',
        created_at: t(o.createdAt),
        expires_at: t('2026-01-10T00:00:00Z'),
      };
    }),
  );
  await knex('incidents').insert(
    INCIDENTS.map(i => ({
      id: i.id,
      source: 'test',
      external_id: i.id,
      entity_ref: CHECKOUT,
      environment: 'production',
      title: `Incident ${i.id}`,
      opened_at: t(i.openedAt),
      resolved_at: i.resolvedAt ? t(i.resolvedAt) : null,
      caused_by_deployment_id: i.causedBy ?? null,
      created_at: now,
      updated_at: now,
    })),
  );
}

/**
 * More incidents in January than a timeline carries (500): one a minute
 * from 1 January, `payments-incident-0` the oldest.
 */
export async function writeIncidentFlood(
  knex: Knex,
  count: number,
): Promise<void> {
  const now = new Date();
  const start = t('2026-01-01T00:00:00Z').getTime();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `payments-incident-${i}`,
    source: 'test',
    external_id: `payments-incident-${i}`,
    entity_ref: PAYMENTS,
    opened_at: new Date(start + i * 60_000),
    resolved_at: new Date(start + i * 60_000 + 30_000),
    created_at: now,
    updated_at: now,
  }));
  // SQLite takes at most 500 rows per INSERT.
  await knex.batchInsert('incidents', rows, 200);
}
