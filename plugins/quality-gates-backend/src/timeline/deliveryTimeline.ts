import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  DeliveryTimeline,
  Deployment,
  Incident,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  DeploymentRow,
  rowToDeployment,
} from '../deployments/DatabaseDeploymentStore';
import { incidentFromRow, IncidentRow } from '../delivery/rows';
import { readGateDecisions } from './gateDecisions';
import { readLanes } from './lanes';

/**
 * Rows per kind a timeline carries at most: what a chart can draw and a
 * browser parse quickly. Beyond them the newest are kept and the answer
 * says `truncated`, so the page can ask for a shorter range.
 */
export const TIMELINE_ROW_LIMITS = {
  deployments: 2000,
  gateDecisions: 2000,
  incidents: 500,
};

/** The newest `limit` of rows read newest first (one extra tells more exist). */
function keepNewest<T>(
  newestFirst: T[],
  limit: number,
): { items: T[]; truncated: boolean } {
  return {
    items: newestFirst.slice(0, limit).reverse(),
    truncated: newestFirst.length > limit,
  };
}

async function deploymentsStarted(
  knex: Knex,
  entityRef: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<Deployment[]> {
  const rows: DeploymentRow[] = await knex('deployments')
    .where('entity_ref', entityRef)
    .andWhere('started_at', '>=', from)
    .andWhere('started_at', '<', to)
    .orderBy([
      { column: 'started_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  return rows.map(rowToDeployment);
}

/** Incidents open at some moment of [from, to), newest opened first. */
async function incidentsOpenDuring(
  knex: Knex,
  entityRef: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<Incident[]> {
  const rows: IncidentRow[] = await knex('incidents')
    .where('entity_ref', entityRef)
    .andWhere('opened_at', '<', to)
    .andWhere(open =>
      open.whereNull('resolved_at').orWhere('resolved_at', '>=', from),
    )
    .orderBy([
      { column: 'opened_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  return rows.map(incidentFromRow);
}

/** One entity's deployments, gate decisions and incidents over a range. */
export async function readDeliveryTimeline(
  knex: Knex,
  entityRef: string,
  range: { from: DateTime; to: DateTime },
  limits = TIMELINE_ROW_LIMITS,
): Promise<DeliveryTimeline> {
  const from = range.from.toJSDate();
  const to = range.to.toJSDate();
  const [lanes, deployments, gateDecisions, incidents] = await Promise.all([
    readLanes(knex, entityRef),
    deploymentsStarted(knex, entityRef, from, to, limits.deployments + 1),
    readGateDecisions(
      knex,
      { entityRef, from: range.from.toISO()!, to: range.to.toISO()! },
      limits.gateDecisions + 1,
    ),
    incidentsOpenDuring(knex, entityRef, from, to, limits.incidents + 1),
  ]);
  const kept = {
    deployments: keepNewest(deployments, limits.deployments),
    gateDecisions: keepNewest(gateDecisions, limits.gateDecisions),
    incidents: keepNewest(incidents, limits.incidents),
  };
  return {
    entityRef,
    from: range.from.toISO()!,
    to: range.to.toISO()!,
    lanes: lanes.map(lane => lane.environment),
    deployments: kept.deployments.items,
    gateDecisions: kept.gateDecisions.items,
    incidents: kept.incidents.items,
    truncated: Object.values(kept).some(kind => kind.truncated),
  };
}
