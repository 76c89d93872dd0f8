import { Knex } from 'knex';
import { rawRows } from '../database/rawRows';
import {
  deriveChangeFacts,
  refreshChangeFactsAfterWrite,
  refreshEntityChangeFactsAfterWrite,
} from '../dora/facts/changeFacts';
import { factsEnvironments } from '../dora/facts/factsState';
import {
  allShippedSelect,
  FIRST_DEPLOYMENT_COLUMNS,
  linkedKeys,
  relistedKeys,
  touchedKeys,
  upsertShippedOfKeys,
} from './shippingSql';

/**
 * `first_deployments` holds, per entity, environment and change, the
 * deployment that shipped the change there, with the change's commit time:
 * the first successful deployment whose version contains it. A version
 * contains every change listed on it and on the earlier deployments of its
 * entity whose changes it superseded: a failed or rolled-back attempt's
 * commits, or a version that skipped this environment, ride along in the
 * next success. "Earlier" is the start of the change's first listing on any
 * deployment of the entity. The table is derived from `deployments`,
 * `deployment_changes` and `changes`, and kept current by every write to
 * them, so that lead time, what is where and the path to production read
 * one indexed row per change and agree.
 */
const TABLE = 'first_deployments';

/** Ids per statement of touched keys: bound twice each. */
const IDS_CHUNK = 300;
/** Keys per upsert: four bindings each, well inside SQLite's limit. */
const KEYS_CHUNK = 250;

/**
 * Rows of `first_deployments` to derive again: one entity's change in one
 * environment, or in all of them (`environment` null).
 */
interface ShippingKey {
  entity_ref: string;
  environment: string | null;
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

/** Collects keys; a change's key of every environment covers its others. */
class ShippingKeys {
  private readonly keys = new Map<string, ShippingKey>();

  add(key: ShippingKey) {
    this.keys.set(
      JSON.stringify([
        key.entity_ref,
        key.repository,
        key.sha,
        key.environment ?? '',
      ]),
      key,
    );
  }

  /** Sorted, so that the work is the same whatever the arrival order. */
  sorted(): ShippingKey[] {
    const everywhere = new Set(
      [...this.keys.values()]
        .filter(key => key.environment === null)
        .map(key => JSON.stringify([key.entity_ref, key.repository, key.sha])),
    );
    return [...this.keys.entries()]
      .filter(
        ([, key]) =>
          key.environment === null ||
          !everywhere.has(
            JSON.stringify([key.entity_ref, key.repository, key.sha]),
          ),
      )
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, key]) => key);
  }
}

/** What the writer knows of how the deployments it wrote changed. */
export interface DeploymentChanges {
  /**
   * Those whose every listing may have moved: new ones, or with another
   * start or entity. All of them when not given.
   */
  relisted?: string[];
  /** Changes listed on a deployment for the first time. */
  newLinks?: Array<{ deployment_id: string; repository: string; sha: string }>;
  /**
   * The entity a deployment belonged to before the write, where it is
   * another now: the changes listed on it leave that entity's history.
   */
  formerEntities?: Map<string, string>;
}

/**
 * Derives again the rows that a write of the given deployments may have
 * changed, and nothing else (see shippingSql.ts): the changes whose first
 * listing may have moved, the keys the deployments shipped, and for the
 * successful ones the changes listed since the success before them in
 * their environment. Call inside the transaction that wrote them, after the
 * write, holding the locks of their entities' histories, taken before it
 * (lockEntityHistories): the rows of these entities are then derived from
 * what the writer before committed.
 */
export async function refreshFirstDeployments(
  tx: Db,
  deploymentIds: string[],
  changes: DeploymentChanges = {},
): Promise<void> {
  const ids = [...new Set(deploymentIds)];
  if (ids.length === 0) return;
  const keys = new ShippingKeys();
  const add = (rows: ShippingKey[]) => rows.forEach(row => keys.add(row));
  for (const chunk of chunks(ids, IDS_CHUNK)) {
    const list = chunk.map(() => '?').join(', ');
    add(rawRows(await tx.raw(touchedKeys(list), [...chunk, ...chunk])));
  }
  for (const chunk of chunks(
    [...new Set(changes.relisted ?? ids)],
    IDS_CHUNK,
  )) {
    const list = chunk.map(() => '?').join(', ');
    add(rawRows(await tx.raw(relistedKeys(list), chunk)));
  }
  for (const chunk of chunks(changes.newLinks ?? [], KEYS_CHUNK)) {
    const values = valuesOf(chunk, ['deployment_id', 'repository', 'sha']);
    add(rawRows(await tx.raw(linkedKeys(values.sql), values.bindings)));
  }
  await addFormerEntities(tx, changes.formerEntities ?? new Map(), keys);
  const sorted = keys.sorted();
  for (const chunk of chunks(sorted, KEYS_CHUNK)) {
    await deriveAgain(tx, chunk);
  }
  // DORA's first production deployment of each change follows.
  await refreshEntityChangeFactsAfterWrite(
    tx,
    sorted.map(key => ({
      entityRef: key.entity_ref,
      repository: key.repository,
      sha: key.sha,
    })),
  );
}

/** The changes listed on deployments that left an entity, in that entity. */
async function addFormerEntities(
  tx: Db,
  formerEntities: Map<string, string>,
  keys: ShippingKeys,
) {
  const moved = [...formerEntities.entries()];
  for (const chunk of chunks(moved, IDS_CHUNK)) {
    const rows: Array<{
      deployment_id: string;
      entity_ref: string | null;
      repository: string;
      sha: string;
    }> = await tx('deployment_changes as dc')
      .join('deployments as d', 'd.id', 'dc.deployment_id')
      .whereIn(
        'dc.deployment_id',
        chunk.map(([id]) => id),
      )
      .select('dc.deployment_id', 'd.entity_ref', 'dc.repository', 'dc.sha');
    const former = new Map(chunk);
    for (const row of rows) {
      const entity = former.get(row.deployment_id)!;
      if (entity !== row.entity_ref) {
        keys.add({
          entity_ref: entity,
          environment: null,
          repository: row.repository,
          sha: row.sha,
        });
      }
    }
  }
}

async function deriveAgain(tx: Db, keys: ShippingKey[]) {
  const everywhere = keys.filter(key => key.environment === null);
  const somewhere = keys.filter(key => key.environment !== null);
  if (everywhere.length > 0) {
    const values = valuesOf(everywhere, ['entity_ref', 'repository', 'sha']);
    await tx.raw(
      `delete from ${TABLE}
        where (entity_ref, repository, sha) in (${values.sql})`,
      values.bindings,
    );
  }
  if (somewhere.length > 0) {
    const values = valuesOf(somewhere, [
      'entity_ref',
      'environment',
      'repository',
      'sha',
    ]);
    await tx.raw(
      `delete from ${TABLE}
        where (entity_ref, environment, repository, sha) in (${values.sql})`,
      values.bindings,
    );
  }
  const values = valuesOf(keys, [
    'entity_ref',
    'environment',
    'repository',
    'sha',
  ]);
  await tx.raw(upsertShippedOfKeys(values.sql), values.bindings);
}

/** Copies the commit times of the given changes, after `changes` was written. */
export async function refreshCommitTimes(
  tx: Db,
  changes: Array<{ repository: string; sha: string }>,
): Promise<void> {
  for (const batch of chunks(changes, KEYS_CHUNK)) {
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
      `insert into ${TABLE} ${FIRST_DEPLOYMENT_COLUMNS} ${allShippedSelect()}`,
    );
    const environments = await factsEnvironments(tx);
    if (environments) await deriveChangeFacts(tx, environments);
  });
}
