import { Knex } from 'knex';
import { refreshFirstDeployments } from '../../delivery/firstDeployments';
import { rederiveDeploymentFacts } from '../facts/deploymentFacts';

/**
 * A month of delivery history whose DORA figures were worked out by hand
 * (see dora.test.ts), covering the edge cases: a failed deployment, a
 * rollback, an incident linked explicitly and one tied to the last
 * successful deployment before it, an incident before the window, a change
 * deployed before the window, a change committed after it was deployed
 * (non-positive lead time), a staging deployment and one still running, an
 * unplanned fix deployed while an incident was open, and a failure not
 * recovered yet.
 */
export const CHECKOUT = 'component:default/checkout';
export const PAYMENTS = 'component:default/payments';
const REPO = 'github.com/example-corp/checkout';

const t = (iso: string) => new Date(iso);

interface DeploymentSpec {
  id: string;
  entityRef?: string;
  environment?: string;
  status: string;
  startedAt: string;
  finishedAt?: string;
  changes?: string[];
}

const DEPLOYMENTS: DeploymentSpec[] = [
  {
    id: 'a0',
    status: 'succeeded',
    startedAt: '2025-12-19T23:50:00Z',
    finishedAt: '2025-12-20T00:00:00Z',
    changes: ['c0', 'c1'],
  },
  {
    id: 'a1',
    status: 'succeeded',
    startedAt: '2026-01-05T10:00:00Z',
    finishedAt: '2026-01-05T10:10:00Z',
    changes: ['c1', 'c2'],
  },
  {
    id: 'a2',
    status: 'failed',
    startedAt: '2026-01-10T11:50:00Z',
    finishedAt: '2026-01-10T12:00:00Z',
    changes: ['c3'],
  },
  {
    id: 'a3',
    status: 'succeeded',
    startedAt: '2026-01-10T13:50:00Z',
    finishedAt: '2026-01-10T14:00:00Z',
    changes: ['c3', 'c4'],
  },
  {
    id: 'a4',
    status: 'succeeded',
    startedAt: '2026-01-15T08:50:00Z',
    finishedAt: '2026-01-15T09:00:00Z',
  },
  {
    id: 'a5',
    status: 'succeeded',
    startedAt: '2026-01-15T11:50:00Z',
    finishedAt: '2026-01-15T12:00:00Z',
    changes: ['c5'],
  },
  {
    id: 'a6',
    environment: 'staging',
    status: 'succeeded',
    startedAt: '2026-01-20T10:00:00Z',
    finishedAt: '2026-01-20T10:05:00Z',
  },
  {
    id: 'a7',
    status: 'rolled_back',
    startedAt: '2026-01-25T09:50:00Z',
    finishedAt: '2026-01-25T10:00:00Z',
  },
  { id: 'a9', status: 'in_progress', startedAt: '2026-01-28T10:00:00Z' },
  {
    id: 'a8',
    status: 'succeeded',
    startedAt: '2026-02-02T09:50:00Z',
    finishedAt: '2026-02-02T10:00:00Z',
  },
  {
    id: 'b1',
    entityRef: PAYMENTS,
    status: 'succeeded',
    startedAt: '2026-01-08T09:50:00Z',
    finishedAt: '2026-01-08T10:00:00Z',
  },
];

const COMMITTED: Record<string, string> = {
  c0: '2025-12-19T00:00:00Z',
  c1: '2025-12-18T00:00:00Z',
  c2: '2026-01-04T10:10:00Z',
  c3: '2026-01-10T10:00:00Z',
  c4: '2026-01-10T15:00:00Z',
  c5: '2026-01-15T11:30:00Z',
};

const INCIDENTS = [
  {
    id: 'i1',
    opened: '2026-01-15T11:00:00Z',
    resolved: '2026-01-15T12:30:00Z',
  },
  {
    id: 'i2',
    opened: '2026-01-06T00:00:00Z',
    resolved: '2026-01-06T01:00:00Z',
    causedBy: 'a1',
  },
  {
    id: 'i3',
    opened: '2025-12-25T00:00:00Z',
    resolved: '2025-12-26T00:00:00Z',
  },
  { id: 'i4', entityRef: PAYMENTS, opened: '2026-01-09T00:00:00Z' },
];

/**
 * Writes the history as the ingest writes it: rows of the plugin's tables,
 * then each change's first deployments, as the ingest's writer refreshes
 * them.
 */
export async function writeDoraHistory(knex: Knex): Promise<void> {
  const now = new Date();
  await knex('deployments').insert(
    DEPLOYMENTS.map(d => ({
      id: d.id,
      source: 'test',
      external_id: d.id,
      entity_ref: d.entityRef ?? CHECKOUT,
      environment: d.environment ?? 'production',
      version: `v-${d.id}`,
      status: d.status,
      started_at: t(d.startedAt),
      finished_at: d.finishedAt ? t(d.finishedAt) : null,
      created_at: now,
      updated_at: now,
    })),
  );
  await knex('changes').insert(
    Object.entries(COMMITTED).map(([sha, committedAt]) => ({
      id: `change-${sha}`,
      repository: REPO,
      sha,
      entity_ref: CHECKOUT,
      source: 'test',
      committed_at: t(committedAt),
      // One change says where to read it; the others do not.
      url: sha === 'c3' ? 'https://git.example.com/checkout/commit/c3' : null,
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
  await refreshFirstDeployments(
    knex,
    DEPLOYMENTS.map(d => d.id),
  );
  await knex('incidents').insert(
    INCIDENTS.map(i => ({
      id: i.id,
      source: 'test',
      external_id: i.id,
      entity_ref: i.entityRef ?? CHECKOUT,
      environment: 'production',
      title: `Incident ${i.id}`,
      url: i.id === 'i1' ? 'https://pager.example.com/incidents/i1' : null,
      opened_at: t(i.opened),
      resolved_at: i.resolved ? t(i.resolved) : null,
      caused_by_deployment_id: i.causedBy ?? null,
      created_at: now,
      updated_at: now,
    })),
  );
  // Written around the ingest: derive what it would have kept.
  await rederiveDeploymentFacts(knex);
}
