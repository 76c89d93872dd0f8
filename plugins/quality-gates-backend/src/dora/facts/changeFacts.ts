import { Knex } from 'knex';
import { doraDialect, placeholders } from '../doraSql';
import { lockedFactsEnvironments } from './factsState';

/**
 * `dora_change_facts` holds, per entity and change, the change's first
 * successful deployment to any production environment and its lead time
 * (commit → that deployment). It is derived from `first_deployments`
 * (first per environment) for the configured production environments, and
 * refreshed wherever `first_deployments` changes, so that lead time for
 * changes is one pass over the window's rows of one index.
 */
const TABLE = 'dora_change_facts';
const COLUMNS = [
  'entity_ref',
  'repository',
  'sha',
  'deployment_id',
  'deployed_at',
  'committed_at',
  'lead_seconds',
] as const;

/** Keys per statement: up to three bindings each, well inside SQLite's limit. */
const CHUNK = 300;
const UPDATES = COLUMNS.filter(
  column => !['entity_ref', 'repository', 'sha'].includes(column),
)
  .map(column => `${column} = excluded.${column}`)
  .join(', ');

type Db = Knex | Knex.Transaction;

export interface ChangeKey {
  repository: string;
  sha: string;
}

/** A change in one entity's history. */
export interface EntityChangeKey extends ChangeKey {
  entityRef: string;
}

/**
 * Each change's first production deployment per entity, from
 * `first_deployments`: the earliest over the production environments, ties
 * by deployment id. `where` narrows the rows of `first_deployments` (`f`).
 */
function firstInProduction(db: Db, environments: string[], where = ''): string {
  const { secondsBetween } = doraDialect(db);
  return `select ${COLUMNS.join(', ')} from (
      select f.entity_ref, f.repository, f.sha, f.deployment_id, f.deployed_at,
        f.committed_at,
        ${secondsBetween('f.deployed_at', 'f.committed_at')} as lead_seconds,
        row_number() over (
          partition by f.entity_ref, f.repository, f.sha
          order by f.deployed_at, f.deployment_id
        ) as rn
      from first_deployments f
      where f.environment in (${placeholders(environments)}) ${where}
    ) firsts where rn = 1`;
}

/** Derives the whole table again (inside the facts' derivation). */
export async function deriveChangeFacts(
  tx: Knex.Transaction,
  environments: string[],
): Promise<void> {
  await tx(TABLE).delete();
  await tx.raw(
    `insert into ${TABLE} (${COLUMNS.join(', ')}) ${firstInProduction(
      tx,
      environments,
    )}`,
    environments,
  );
}

/**
 * Derives the rows of the given changes again, for every entity, after
 * their `first_deployments` rows or commit times changed. Sorted, so that
 * concurrent writers lock shared keys in the same order.
 */
export async function refreshChangeFacts(
  tx: Db,
  environments: string[],
  changes: ChangeKey[],
): Promise<void> {
  const unique = new Map<string, ChangeKey>();
  for (const change of changes) {
    unique.set(JSON.stringify([change.repository, change.sha]), change);
  }
  const sorted = [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, change]) => change);
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const chunk = sorted.slice(i, i + CHUNK);
    const values = chunk.map(() => '(?, ?)').join(', ');
    const bindings = chunk.flatMap(change => [change.repository, change.sha]);
    await tx.raw(
      `delete from ${TABLE} where (repository, sha) in (values ${values})`,
      bindings,
    );
    // The conflict is a concurrent writer's row for the same change.
    await tx.raw(
      `insert into ${TABLE} (${COLUMNS.join(', ')})
      ${firstInProduction(
        tx,
        environments,
        `and (f.repository, f.sha) in (values ${values})`,
      )}
      on conflict (entity_ref, repository, sha) do update set ${UPDATES}`,
      [...environments, ...bindings],
    );
  }
}

/**
 * Refreshes the given changes' rows after a write to `first_deployments`,
 * if the facts were derived (else the plugin's start derives everything).
 */
export async function refreshChangeFactsAfterWrite(
  tx: Db,
  changes: ChangeKey[],
): Promise<void> {
  if (changes.length === 0) return;
  const environments = await lockedFactsEnvironments(tx);
  if (environments) await refreshChangeFacts(tx, environments, changes);
}

/**
 * The same for changes of given entities only, after their
 * `first_deployments` rows were derived again by a writer holding those
 * entities' locks: it touches no other entity's rows.
 */
export async function refreshEntityChangeFactsAfterWrite(
  tx: Db,
  keys: EntityChangeKey[],
): Promise<void> {
  if (keys.length === 0) return;
  const environments = await lockedFactsEnvironments(tx);
  if (!environments) return;
  const unique = new Map<string, EntityChangeKey>();
  for (const key of keys) {
    unique.set(JSON.stringify([key.entityRef, key.repository, key.sha]), key);
  }
  const sorted = [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, key]) => key);
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const chunk = sorted.slice(i, i + CHUNK);
    const values = chunk.map(() => '(?, ?, ?)').join(', ');
    const bindings = chunk.flatMap(key => [
      key.entityRef,
      key.repository,
      key.sha,
    ]);
    await tx.raw(
      `delete from ${TABLE}
        where (entity_ref, repository, sha) in (values ${values})`,
      bindings,
    );
    await tx.raw(
      `insert into ${TABLE} (${COLUMNS.join(', ')})
      ${firstInProduction(
        tx,
        environments,
        `and (f.entity_ref, f.repository, f.sha) in (values ${values})`,
      )}
      on conflict (entity_ref, repository, sha) do update set ${UPDATES}`,
      [...environments, ...bindings],
    );
  }
}
