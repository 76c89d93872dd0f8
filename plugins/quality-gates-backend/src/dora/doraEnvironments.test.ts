import { TestDatabases } from '@backstage/backend-test-utils';
import { DEFAULT_DORA_THRESHOLDS } from '@can-i-deploy/plugin-quality-gates-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { DeploymentReport } from '../delivery/DeliveryBatch';
import { DeliveryEventWriter } from '../delivery/DeliveryEventWriter';
import { DoraStore } from './DoraStore';

// Several production environments (the default list is `production` and
// `prod`): a change counts once, at the first of them; a failure recovers at
// the next success in any of them; and an incident that names a production
// environment the entity never deployed to still counts. Hand-computed.

jest.setTimeout(60_000);

const MULTI = 'component:default/multi';
const SINGLE = 'component:default/single';
const REPO = 'github.com/example-corp/multi';
const HOUR = 3600;

/** Hours after 2026-03-01T00:00Z. */
const at = (hour: number) =>
  new Date(Date.UTC(2026, 2, 1) + hour * HOUR * 1000).toISOString();

function deployment(
  externalId: string,
  entityRef: string,
  environment: string,
  hour: number,
  shas: string[],
  status: DeploymentReport['status'] = 'succeeded',
): DeploymentReport {
  return {
    source: 'test',
    externalId,
    entityRef,
    environment,
    version: externalId,
    status,
    startedAt: at(hour),
    changes: shas.map(sha => ({ repository: REPO, sha })),
  };
}

describe('DORA with several production environments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())('%p', async databaseId => {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    await new DeliveryEventWriter(knex).write({
      deployments: [
        // c1 reached `prod` before the window: not counted when it reaches
        // `production` inside it.
        deployment('m0', MULTI, 'prod', 0, ['c1']),
        deployment('m1', MULTI, 'production', 30, ['c1']),
        // c2 reaches production at 31, prod at 32: once, at 31.
        deployment('m2', MULTI, 'production', 31, ['c2']),
        deployment('m3', MULTI, 'prod', 32, ['c2']),
        // A failure in prod at 40, recovered by production's next success.
        deployment('m4', MULTI, 'prod', 40, ['c3'], 'failed'),
        deployment('m5', MULTI, 'production', 43, ['c3']),
        // An entity with one production environment (no per-change probe).
        deployment('s1', SINGLE, 'production', 50, ['c4']),
      ],
      changes: ['c1', 'c2', 'c3', 'c4'].map((sha, index) => ({
        source: 'test',
        repository: REPO,
        sha,
        entityRef: MULTI,
        // c1 at 0, c2 at 1, c3 at 2, c4 at 3 hours.
        committedAt: at(index),
      })),
      incidents: [
        {
          source: 'test',
          externalId: 'i1',
          entityRef: SINGLE,
          // `prod`: a production environment SINGLE never deployed to.
          environment: 'prod',
          openedAt: at(51),
          resolvedAt: at(53),
        },
      ],
    });

    const figures = await new DoraStore(knex).figures(
      {
        entityRefs: [MULTI, SINGLE],
        environments: ['production', 'prod'],
        from: new Date(at(24)),
        to: new Date(at(24 * 7)),
      },
      DEFAULT_DORA_THRESHOLDS,
    );

    // c2 31-1 = 30 h, c3 43-2 = 41 h, c4 50-3 = 47 h; c1 shipped before.
    expect(figures.leadTime).toMatchObject({
      changes: 3,
      medianSeconds: 41 * HOUR,
      p90Seconds: 47 * HOUR,
    });
    // m1 m2 m3 m4 m5 s1 finished; m4 failed; s1 caused i1.
    expect(figures.changeFailureRate).toMatchObject({
      deployments: 6,
      failed: 2,
    });
    // m4: 40 → 43 (next success, in production); s1: 51 → 53 (resolved).
    expect(figures.recoveryTime).toMatchObject({
      failures: 2,
      recovered: 2,
      medianSeconds: 2 * HOUR,
    });
  });
});
