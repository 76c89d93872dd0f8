import { Knex } from 'knex';
import { timestampFromDatabase } from '../../../../database/timestamps';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';

/** When the version under test arrived, and what served before it. */
export interface DeploymentHistory {
  /** Start of this version's first (not failed) deployment there. */
  deployedAt: Date;
  previous?: { version: string; deploymentId: string; deployedAt: Date };
}

/**
 * Reads the deployments table: this version's first deployment to the
 * environment that did not fail, and the latest successful deployment of
 * another version that finished before it. Undefined when the version has
 * no deployment recorded there.
 */
export async function readDeploymentHistory(
  knex: Knex,
  request: { entityRef: string; environment: string; version: string },
): Promise<DeploymentHistory | undefined> {
  const entityRef = canonicalEntityRef(request.entityRef);
  const first: { started_at: Date | number | string } | undefined = await knex(
    'deployments',
  )
    .select('started_at')
    .where({
      entity_ref: entityRef,
      environment: request.environment,
      version: request.version,
    })
    .whereNot('status', 'failed')
    .orderBy('started_at', 'asc')
    .first();
  if (!first) return undefined;
  const deployedAt = new Date(timestampFromDatabase(first.started_at));

  const previous:
    | { id: string; version: string; deployed_at: Date | number | string }
    | undefined = await knex('deployments')
    .select(
      'id',
      'version',
      knex.raw('COALESCE(finished_at, started_at) AS deployed_at'),
    )
    .where({
      entity_ref: entityRef,
      environment: request.environment,
      status: 'succeeded',
    })
    .whereNot('version', request.version)
    .whereRaw('COALESCE(finished_at, started_at) <= ?', [deployedAt])
    .orderByRaw('COALESCE(finished_at, started_at) DESC, id')
    .first();
  return {
    deployedAt,
    ...(previous
      ? {
          previous: {
            version: previous.version,
            deploymentId: previous.id,
            deployedAt: new Date(timestampFromDatabase(previous.deployed_at)),
          },
        }
      : {}),
  };
}
