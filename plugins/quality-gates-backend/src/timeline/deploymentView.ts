import { Knex } from 'knex';
import {
  DeploymentDetails,
  DeploymentView,
} from '@can-i-deploy/plugin-quality-gates-common';
import { incidentFromRow, IncidentRow } from '../delivery/rows';
import { readGateDecisions } from './gateDecisions';

/** Gate decisions and incidents one deployment view shows at most. */
const VIEW_ROW_LIMIT = 500;

/**
 * One deployment with what it brought, its run, the gate decisions for its
 * environment and version (oldest first) and the incidents that name it as
 * their cause.
 */
export async function readDeploymentView(
  knex: Knex,
  details: DeploymentDetails,
): Promise<DeploymentView> {
  const { changes, pipelineRun, ...deployment } = details;
  const [gateDecisions, incidentRows] = await Promise.all([
    readGateDecisions(
      knex,
      {
        entityRef: deployment.entityRef,
        environment: deployment.environment,
        versions: [deployment.version],
      },
      VIEW_ROW_LIMIT,
    ),
    knex('incidents')
      .where('caused_by_deployment_id', deployment.id)
      .orderBy([
        { column: 'opened_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(VIEW_ROW_LIMIT) as Promise<IncidentRow[]>,
  ]);
  return {
    deployment,
    changes,
    ...(pipelineRun ? { pipelineRun } : {}),
    gateDecisions: gateDecisions.reverse(),
    incidents: incidentRows.map(incidentFromRow),
  };
}
