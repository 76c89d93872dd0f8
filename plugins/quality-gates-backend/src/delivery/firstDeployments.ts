import { Knex } from 'knex';
import { rawRows } from '../database/rawRows';
import {
  deriveChangeFacts,
  refreshChangeFactsAfterWrite,
} from '../dora/facts/changeFacts';
import { factsEnvironments } from '../dora/facts/factsState';

/**
 * `first_deployments` holds, per entity, environment and change, the first
 * successful deployment that brought the change there, with the change's
 * commit time. It is derived from `deployments`, `deployment_changes` and
 * `changes`, and kept current by every write to them, so that lead time for
 * changes reads one indexed row per change.
 */
const TABLE = 'first_deployments';

/** Keys per statement: four bindings each, well inside SQLite's limit. */
const CHUNK = 200;

interface FirstDeploymentKey {
  entity_ref: string;
  environment: string;
  repository: string;
  sha: string;
}

type Db = Knex | Knex.Transaction;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** `values (?, ?), (?, ?)` with the bindings, for a CTE or an IN. */
function valuesOf<T>(rows: T[], columns: Array<keyof T>) {
  return {
    sql: `values ${rows
      .map(() => `(${columns.map(() => '?').join(', ')})`)
      .join(', ')}`,
    bindings: rows.flatMap(row => columns.map(column => row[column])),
  };
}

/**
 * Each key's first successful deployment, ranked in the database: the
 * earliest by the time it reached the environment, ties by id. `changes`
 * is the FROM item that yields `dc` (deployment_changes rows), `where`
 * narrows the candidates further (`d` is their deployment).
 */
function firstsSelect(changes: string, where = ''): string {
  return `select entity_ref, environment, repository, sha, deployment_id, deployed_at, committed_at from (
      select d.entity_ref, d.environment, dc.repository, dc.sha, d.id as deployment_id,
        coalesce(d.finished_at, d.started_at) as deployed_at,
        coalesce(c.committed_at, c.authored_at) as committed_at,
        row_number() over (
          partition by d.entity_ref, d.environment, dc.repository, dc.sha
          order by coalesce(d.finished_at, d.started_at), d.id
        ) as rn
      from ${changes}
      join deployments d on d.id = dc.deployment_id
      left join changes c on c.repository = dc.repository and c.sha = dc.sha
      where d.status = 'succeeded' and d.entity_ref is not null ${where}
    ) firsts where rn = 1`;
}

const COLUMNS =
  '(entity_ref, environment, repository, sha, deployment_id, deployed_at, committed_at)';

/**
 * Recomputes the first deployments of every key the given deployments touch:
 * the changes a successful one carries in its (current) entity and
 * environment, and any key one of them was the first deployment of (its
 * status, entity or environment may have changed). A deployment still
 * running, or failed, that was nobody's first touches nothing. Call inside
 * the transaction that wrote them.
 */
export async function refreshFirstDeployments(
  tx: Db,
  deploymentIds: string[],
): Promise<void> {
  const keys = new Map<string, FirstDeploymentKey>();
  for (const ids of chunks([...new Set(deploymentIds)], 500)) {
    const list = ids.map(() => '?').join(', ');
    const rows: FirstDeploymentKey[] = await tx
      .raw(
        `select d.entity_ref, d.environment, dc.repository, dc.sha
          from deployment_changes dc join deployments d on d.id = dc.deployment_id
          where d.id in (${list}) and d.entity_ref is not null
            and d.status = 'succeeded'
        union
        select entity_ref, environment, repository, sha from ${TABLE}
          where deployment_id in (${list})`,
        [...ids, ...ids],
      )
      .then(rawRows);
    for (const row of rows) {
      keys.set(JSON.stringify(row), row);
    }
  }
  // Sorted, so that concurrent writers lock shared keys in the same order.
  const sorted = [...keys.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, key]) => key);
  for (const batch of chunks(sorted, CHUNK)) {
    await recompute(tx, batch);
  }
  // DORA's first production deployment of each change follows.
  await refreshChangeFactsAfterWrite(tx, sorted);
}

async function recompute(tx: Db, keys: FirstDeploymentKey[]) {
  const columns: Array<keyof FirstDeploymentKey> = [
    'entity_ref',
    'environment',
    'repository',
    'sha',
  ];
  const values = valuesOf(keys, columns);
  await tx.raw(
    `delete from ${TABLE}
      where (entity_ref, environment, repository, sha) in (${values.sql})`,
    values.bindings,
  );
  // A concurrent writer may have inserted the same key since the delete:
  // the earlier deployment wins.
  await tx.raw(
    `with keys (entity_ref, environment, repository, sha) as (${values.sql})
    insert into ${TABLE} ${COLUMNS}
    ${firstsSelect(
      'keys k join deployment_changes dc on dc.repository = k.repository and dc.sha = k.sha',
      'and d.entity_ref = k.entity_ref and d.environment = k.environment',
    )}
    on conflict (entity_ref, repository, sha, environment) do update set
      deployment_id = excluded.deployment_id,
      deployed_at = excluded.deployed_at,
      committed_at = excluded.committed_at
    where excluded.deployed_at < ${TABLE}.deployed_at
      or (excluded.deployed_at = ${TABLE}.deployed_at
        and excluded.deployment_id < ${TABLE}.deployment_id)`,
    values.bindings,
  );
}

/** Copies the commit times of the given changes, after `changes` was written. */
export async function refreshCommitTimes(
  tx: Db,
  changes: Array<{ repository: string; sha: string }>,
): Promise<void> {
  for (const batch of chunks(changes, CHUNK)) {
    const values = valuesOf(batch, ['repository', 'sha']);
    await tx.raw(
      `update ${TABLE} set committed_at = (
          select coalesce(c.committed_at, c.authored_at) from changes c
          where c.repository = ${TABLE}.repository and c.sha = ${TABLE}.sha
        )
        where (repository, sha) in (${values.sql})`,
      values.bindings,
    );
  }
  await refreshChangeFactsAfterWrite(tx, changes);
}

/**
 * Forgets the first deployments made by deployments about to be deleted
 * (retention). Their changes are not counted again by a later deployment:
 * they reached the environment long ago.
 */
export async function forgetFirstDeployments(
  tx: Db,
  deploymentIds: Knex.QueryBuilder,
): Promise<number> {
  const forgotten: Array<{ repository: string; sha: string }> = await tx(TABLE)
    .whereIn('deployment_id', deploymentIds.clone())
    .distinct('repository', 'sha');
  const deleted = await tx(TABLE)
    .whereIn('deployment_id', deploymentIds)
    .delete();
  // DORA's first production deployment may now be another environment's.
  await refreshChangeFactsAfterWrite(tx, forgotten);
  return deleted;
}

/** Rebuilds the whole table from the history, e.g. after a bulk load. */
export async function rebuildFirstDeployments(db: Knex): Promise<void> {
  await db.transaction(async tx => {
    await tx(TABLE).delete();
    await tx.raw(
      `insert into ${TABLE} ${COLUMNS} ${firstsSelect(
        'deployment_changes dc',
      )}`,
    );
    const environments = await factsEnvironments(tx);
    if (environments) await deriveChangeFacts(tx, environments);
  });
}
