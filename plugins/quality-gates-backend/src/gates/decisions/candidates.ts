import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { sortByPromotionOrder } from '@can-i-deploy/plugin-quality-gates-common';
import { timestampFromDatabase } from '../../database/timestamps';
import { DeploymentStore } from '../../deployments/DeploymentStore';
import { GateConfig } from '../definitions/gateSchema';
import { applicableGates } from '../definitions/GateDefinitions';
import { GateDecisionStore } from './GateDecisionStore';

/** A version someone could ask about, and where it was last seen. */
export interface CandidateVersion {
  version: string;
  at: string;
  source: 'deployment' | 'pipeline' | 'decision';
}

/** `GET /gates/candidates`: what to ask about, per environment. */
export interface GateCandidates {
  environments: Array<{
    environment: string;
    /** A central gate applies here; without one, nothing decides. */
    gated: boolean;
    runningVersion?: string;
    candidateVersion?: string;
  }>;
  versions: CandidateVersion[];
}

const MAX_VERSIONS = 50;

/** Environments named by the central gates that apply to the entity. */
function gateEnvironments(gates: GateConfig[], entity: Entity): string[] {
  const named = new Set(gates.flatMap(gate => gate.environments ?? []));
  return [...named].filter(
    environment => applicableGates(gates, entity, environment).length > 0,
  );
}

async function recentVersions(
  knex: Knex,
  entityRef: string,
  decisions: GateDecisionStore,
): Promise<CandidateVersion[]> {
  type Row = { version: string; at: Date | number };
  const [deployed, built, asked] = await Promise.all([
    knex('deployments')
      .where({ entity_ref: entityRef })
      .groupBy('version')
      .select('version')
      .max({ at: 'started_at' })
      .orderBy('at', 'desc')
      .limit(MAX_VERSIONS) as unknown as Promise<Row[]>,
    knex('pipeline_runs')
      .where({ entity_ref: entityRef, result: 'success' })
      .whereNotNull('sha')
      .groupBy('sha')
      .select({ version: 'sha' })
      .max({ at: 'started_at' })
      .orderBy('at', 'desc')
      .limit(MAX_VERSIONS) as unknown as Promise<Row[]>,
    decisions.versions(entityRef, MAX_VERSIONS),
  ]);
  const all: CandidateVersion[] = [
    ...deployed.map(row => ({
      version: String(row.version),
      at: timestampFromDatabase(row.at),
      source: 'deployment' as const,
    })),
    ...built.map(row => ({
      version: String(row.version),
      at: timestampFromDatabase(row.at),
      source: 'pipeline' as const,
    })),
    ...asked.map(row => ({ ...row, source: 'decision' as const })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const seen = new Set<string>();
  return all
    .filter(candidate => {
      if (seen.has(candidate.version)) return false;
      seen.add(candidate.version);
      return true;
    })
    .slice(0, MAX_VERSIONS);
}

/**
 * Environments in promotion order (those gates apply to, and those with
 * deployments), what each runs, and the version to ask about next: what
 * the previous environment runs, or for the first one the newest version
 * built (a pipeline run, a deployment or a decision).
 */
export async function gateCandidates(options: {
  knex: Knex;
  entity: Entity;
  entityRef: string;
  gates: GateConfig[];
  deployments: DeploymentStore;
  decisions: GateDecisionStore;
}): Promise<GateCandidates> {
  const [running, versions] = await Promise.all([
    options.deployments.currentVersions(options.entityRef),
    recentVersions(options.knex, options.entityRef, options.decisions),
  ]);
  const runs = new Map(running.map(row => [row.environment, row.version]));
  const environments = sortByPromotionOrder(
    [
      ...new Set([
        ...gateEnvironments(options.gates, options.entity),
        ...runs.keys(),
      ]),
    ],
    environment => environment,
  );
  const newestBuilt = versions[0]?.version;
  return {
    environments: environments.map((environment, index) => {
      const runningVersion = runs.get(environment);
      const candidateVersion =
        index === 0 ? newestBuilt : runs.get(environments[index - 1]);
      return {
        environment,
        // A gate without `environments` applies everywhere.
        gated:
          applicableGates(options.gates, options.entity, environment).length >
          0,
        ...(runningVersion ? { runningVersion } : {}),
        ...(candidateVersion ? { candidateVersion } : {}),
      };
    }),
    versions,
  };
}
