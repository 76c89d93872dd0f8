import { Knex } from 'knex';
import { isPostgres } from '../../database/dialect';
import { lockEntityHistories } from '../../database/entityHistoryLocks';
import { rawRows } from '../../database/rawRows';
import { deployedAt, placeholders } from '../doraSql';
import { deriveChangeFacts } from './changeFacts';
import {
  factsEnvironments,
  lockedFactsEnvironments,
  STATE,
} from './factsState';
import {
  computedFactsSelect,
  FACT_COLUMNS,
  FactsRange,
  nearestSuccess,
} from './deploymentFactsSql';

/**
 * `dora_deployment_facts` holds, per finished production deployment, what
 * the DORA figures need of it (failed, unplanned, its failure episode). It
 * is derived from `deployments` and `incidents` and kept current by every
 * write to them, in the writer's transaction, as `first_deployments` is.
 * Which environments count as production is configuration: the facts are
 * derived for the list in `dora_facts_state`, and derived again when the
 * plugin starts with another (ensureDeploymentFacts).
 */
const TABLE = 'dora_deployment_facts';

type Db = Knex | Knex.Transaction;

/** A moment of an entity's history that a write changed. */
export { factsEnvironments } from './factsState';

export interface FactsPoint {
  entityRef: string;
  at: Date | number | string;
}

function sortedEnvironments(environments: string[]): string[] {
  return [...new Set(environments)].sort();
}

/** Derives every deployment's facts again, for these environments. */
export async function deriveDeploymentFacts(
  db: Knex,
  environments: string[],
): Promise<void> {
  await db.transaction(async tx => {
    await lockState(tx);
    await deriveAll(tx, sortedEnvironments(environments));
  });
}

/**
 * Derives the facts again for the environments they were derived for, if
 * they were: after rows were written around the ingest (a bulk load, a
 * test fixture).
 */
export async function rederiveDeploymentFacts(db: Knex): Promise<void> {
  const environments = await factsEnvironments(db);
  if (environments) await deriveDeploymentFacts(db, environments);
}

/**
 * Derives the facts unless they already are for these environments.
 * Returns whether it derived them. Several backends starting at once
 * derive them once: the first holds the state's lock.
 */
export async function ensureDeploymentFacts(
  db: Knex,
  environments: string[],
): Promise<boolean> {
  const wanted = sortedEnvironments(environments);
  const current = await factsEnvironments(db);
  if (JSON.stringify(current) === JSON.stringify(wanted)) {
    return false;
  }
  return db.transaction(async tx => {
    await lockState(tx);
    if (
      JSON.stringify(await factsEnvironments(tx)) === JSON.stringify(wanted)
    ) {
      return false;
    }
    await deriveAll(tx, wanted);
    return true;
  });
}

async function lockState(tx: Knex.Transaction) {
  if (isPostgres(tx)) {
    await tx.raw(`lock table ${STATE} in exclusive mode`);
  }
}

async function deriveAll(tx: Knex.Transaction, environments: string[]) {
  await tx(TABLE).delete();
  const facts = computedFactsSelect(tx, environments);
  await tx.raw(
    `insert into ${TABLE} (${FACT_COLUMNS.join(', ')}) ${facts.sql}`,
    facts.bindings,
  );
  await deriveChangeFacts(tx, environments);
  const state = {
    id: 1,
    production_environments: JSON.stringify(environments),
    derived_at: new Date(),
  };
  await tx(STATE).insert(state).onConflict('id').merge();
}

/**
 * Where in their entities' histories the given deployments are, and were:
 * their current rows, and their facts as last derived (a deployment may
 * have changed entity, environment, status or time since).
 */
export async function deploymentPoints(
  tx: Db,
  deploymentIds: string[],
): Promise<FactsPoint[]> {
  const points: FactsPoint[] = [];
  const ids = [...new Set(deploymentIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const list = placeholders(chunk);
    const rows: Array<{ entity_ref: string; at: Date | number }> = rawRows(
      await tx.raw(
        `select d.entity_ref, ${deployedAt('d')} as at from deployments d
          where d.id in (${list}) and d.entity_ref is not null
        union all
        select f.entity_ref, f.deployed_at as at from ${TABLE} f
          where f.deployment_id in (${list})`,
        [...chunk, ...chunk],
      ),
    );
    points.push(
      ...rows.map(row => ({ entityRef: row.entity_ref, at: row.at })),
    );
  }
  return points;
}

/**
 * Where the given incidents touch their entities' histories: when they
 * opened, and the deployment they name as their cause. Taken before and
 * after a write, as an incident may change entity or cause.
 */
export async function incidentPoints(
  tx: Db,
  incidents: { ids: string[] } | { keys: Array<[string, string]> },
): Promise<FactsPoint[]> {
  const points: FactsPoint[] = [];
  const all = 'ids' in incidents ? incidents.ids : incidents.keys;
  for (let i = 0; i < all.length; i += 300) {
    const chunk = all.slice(i, i + 300);
    const where =
      'ids' in incidents
        ? { sql: `i.id in (${placeholders(chunk)})`, bindings: chunk }
        : {
            sql: `(${chunk
              .map(() => '(i.source = ? and i.external_id = ?)')
              .join(' or ')})`,
            bindings: chunk.flat(),
          };
    const rows: Array<{
      entity_ref: string | null;
      opened_at: Date | number;
      cause_entity_ref: string | null;
      cause_at: Date | number | null;
    }> = rawRows(
      await tx.raw(
        `select i.entity_ref, i.opened_at, d.entity_ref as cause_entity_ref,
            ${deployedAt('d')} as cause_at
          from incidents i
          left join deployments d on d.id = i.caused_by_deployment_id
          where ${where.sql}`,
        where.bindings as Knex.Value[],
      ),
    );
    for (const row of rows) {
      if (row.entity_ref) {
        points.push({ entityRef: row.entity_ref, at: row.opened_at });
      }
      if (row.cause_entity_ref && row.cause_at !== null) {
        points.push({ entityRef: row.cause_entity_ref, at: row.cause_at });
      }
    }
  }
  return points;
}

function epochMillis(at: FactsPoint['at']): number {
  if (at instanceof Date) return at.getTime();
  if (typeof at === 'number') return at;
  return /^\d+$/.test(at) ? Number(at) : new Date(at).getTime();
}

/**
 * Derives the facts again wherever a write may have changed them: for each
 * entity, from its last successful production deployment before the
 * earliest point on. A deployment's facts depend only on incidents opened
 * since the success before it and on later deployments, so nothing earlier
 * changes; the success before the point must be included, as a new success
 * at the point takes later incidents from it. (Strictly before: a success
 * at the point itself may be the one that moved.) Call inside the writer's
 * transaction, after the write. Writers of the same entity are serialized
 * (lockEntityHistories), so the later one derives from the earlier one's
 * rows.
 */
export async function refreshDeploymentFacts(
  tx: Db,
  points: FactsPoint[],
): Promise<void> {
  if (points.length === 0) return;
  const environments = await lockedFactsEnvironments(tx);
  // Not derived yet: the plugin's start derives them with everything.
  if (!environments) return;
  const earliest = new Map<string, number>();
  for (const point of points) {
    const at = epochMillis(point.at);
    const known = earliest.get(point.entityRef);
    if (known === undefined || at < known) earliest.set(point.entityRef, at);
  }
  // Held already when the writer took them before writing, as it should.
  await lockEntityHistories(tx, earliest.keys());
  for (const entityRef of [...earliest.keys()].sort()) {
    const since = await lastSuccessBefore(
      tx,
      environments,
      entityRef,
      new Date(earliest.get(entityRef)!),
    );
    await deriveRange(tx, environments, { entityRef, since });
  }
}

async function lastSuccessBefore(
  tx: Db,
  environments: string[],
  entityRef: string,
  at: Date,
): Promise<Date | null> {
  const latest = nearestSuccess(
    environments,
    { sql: '?', bindings: [entityRef] },
    '<',
    { sql: '?', bindings: [at] },
  );
  const rows: Array<{ at: Date | number }> = rawRows(
    await tx.raw(latest.sql, latest.bindings),
  );
  return rows.length > 0 ? new Date(epochMillis(rows[0].at)) : null;
}

async function deriveRange(tx: Db, environments: string[], range: FactsRange) {
  const stale = tx(TABLE).where('entity_ref', range.entityRef);
  if (range.since) stale.andWhere('deployed_at', '>=', range.since);
  await stale.delete();
  const facts = computedFactsSelect(tx, environments, range);
  const updates = FACT_COLUMNS.filter(column => column !== 'deployment_id')
    .map(column => `${column} = excluded.${column}`)
    .join(', ');
  // `where true`: SQLite needs it to tell the upsert's ON from a join's.
  // The conflict is a deployment that moved here from another entity whose
  // writer has not refreshed it yet.
  await tx.raw(
    `insert into ${TABLE} (${FACT_COLUMNS.join(', ')})
    ${facts.sql} where true
    on conflict (deployment_id) do update set ${updates}`,
    facts.bindings,
  );
}

/** Forgets the facts of deployments about to be deleted (retention). */
export async function forgetDeploymentFacts(
  tx: Db,
  deploymentIds: Knex.QueryBuilder,
): Promise<number> {
  return tx(TABLE).whereIn('deployment_id', deploymentIds).delete();
}
