import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  PathStep,
  PathToProduction,
  TimelineGateDecision,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  DeploymentRow,
  rowToDeployment,
} from '../deployments/DatabaseDeploymentStore';
import { pipelineRunFromRow, PipelineRunRow } from '../delivery/rows';
import { readGateDecisions } from './gateDecisions';
import { productionLane, readLanes } from './lanes';

/**
 * Runs and deployments one path shows at most: a commit is built and
 * deployed a handful of times; thousands would be a version name reused.
 */
const PATH_ROW_LIMIT = 500;

/** What the caller follows: one commit or one version. */
export type PathSubject = { sha: string } | { version: string };

/** Exactly one of sha and version, else a 400 that says so. */
export function pathSubjectOf(query: {
  sha?: string;
  version?: string;
}): PathSubject {
  if ((query.sha === undefined) === (query.version === undefined)) {
    throw new InputError(
      'Give exactly one of sha or version to say whose path to production you want',
    );
  }
  return query.sha !== undefined
    ? { sha: query.sha }
    : { version: query.version! };
}

/**
 * Deployments of the subject: of that version, listing that commit, or
 * shipping it to an environment without listing it (the first success
 * whose version contains it, after a failed attempt or a skipped version).
 * Either key is matched both ways, as versions are often commit shas.
 */
async function deploymentsOf(
  knex: Knex,
  entityRef: string,
  key: string,
): Promise<DeploymentRow[]> {
  return knex('deployments as d')
    .where('d.entity_ref', entityRef)
    .andWhere(match =>
      match
        .where('d.version', key)
        .orWhereExists(
          knex('deployment_changes as dc')
            .whereRaw('dc.deployment_id = d.id')
            .andWhere('dc.sha', key)
            .select(knex.raw('1')),
        )
        .orWhereExists(
          knex('first_deployments as f')
            .whereRaw('f.deployment_id = d.id')
            .andWhere('f.sha', key)
            .select(knex.raw('1')),
        ),
    )
    .orderBy([
      { column: 'd.started_at', order: 'asc' },
      { column: 'd.id', order: 'asc' },
    ])
    .limit(PATH_ROW_LIMIT)
    .select('d.*');
}

/** Runs that built the commit, and the runs that performed the deployments. */
async function pipelineRunsOf(
  knex: Knex,
  entityRef: string,
  key: string,
  deploymentRunIds: string[],
): Promise<PipelineRunRow[]> {
  return knex('pipeline_runs')
    .where('entity_ref', entityRef)
    .andWhere(match => {
      match.where('sha', key);
      if (deploymentRunIds.length > 0) match.orWhereIn('id', deploymentRunIds);
    })
    .orderBy([
      { column: 'started_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .limit(PATH_ROW_LIMIT);
}

function secondsBetween(earlier: string, later: string): number {
  return DateTime.fromISO(later).diff(DateTime.fromISO(earlier)).as('seconds');
}

/**
 * Everything that happened to one commit or version of an entity, in time
 * order: CI runs, then each deployment with the gate decisions for its
 * environment and version.
 */
export async function readPathToProduction(
  knex: Knex,
  entityRef: string,
  subject: PathSubject,
  productionEnvironments: readonly string[],
): Promise<PathToProduction> {
  const key = 'sha' in subject ? subject.sha : subject.version;
  const [lanes, deploymentRows] = await Promise.all([
    readLanes(knex, entityRef),
    deploymentsOf(knex, entityRef, key),
  ]);
  const deployments = deploymentRows.map(rowToDeployment);
  const [runRows, decisions] = await Promise.all([
    pipelineRunsOf(
      knex,
      entityRef,
      key,
      deployments.flatMap(d => (d.pipelineRunId ? [d.pipelineRunId] : [])),
    ),
    readGateDecisions(
      knex,
      { entityRef, versions: [...new Set(deployments.map(d => d.version))] },
      PATH_ROW_LIMIT * 4,
    ),
  ]);

  const decisionsOf = new Map<string, TimelineGateDecision[]>();
  for (const decision of decisions.reverse()) {
    const stepKey = `${decision.environment}\u0000${decision.version}`;
    decisionsOf.set(stepKey, [...(decisionsOf.get(stepKey) ?? []), decision]);
  }
  const runs = runRows.map(pipelineRunFromRow);
  const steps: PathStep[] = [
    ...runs.map(
      (pipelineRun): PathStep => ({
        kind: 'pipelineRun',
        at: pipelineRun.startedAt,
        pipelineRun,
      }),
    ),
    ...deployments.map(
      (deployment): PathStep => ({
        kind: 'deployment',
        at: deployment.startedAt,
        deployment,
        gateDecisions:
          decisionsOf.get(
            `${deployment.environment}\u0000${deployment.version}`,
          ) ?? [],
      }),
    ),
  ];
  // Stable: at equal times a run (the build) comes before a deployment.
  steps.sort((a, b) => a.at.localeCompare(b.at));

  const production = productionLane(lanes, productionEnvironments);
  const firstProductionSuccess = deployments
    .filter(d => d.environment === production && d.status === 'succeeded')
    .map(d => d.finishedAt ?? d.startedAt)
    .sort()[0];
  const firstRunStart = runs.map(run => run.startedAt).sort()[0];
  return {
    entityRef,
    ...subject,
    steps,
    reachedProduction: firstProductionSuccess !== undefined,
    ...(firstRunStart && firstProductionSuccess
      ? {
          durationSeconds: secondsBetween(
            firstRunStart,
            firstProductionSuccess,
          ),
        }
      : {}),
  };
}
