import { EntityHints } from '../../catalog/EntityResolver';
import {
  ChangeReport,
  DeliveryBatch,
  DeploymentReport,
  EntityAssignment,
  PipelineRunReport,
} from '../../delivery/DeliveryBatch';

type Unassigned<T> = Omit<T, keyof EntityAssignment>;

/**
 * What one GitHub event records, before its entity is resolved. One event
 * concerns one repository (and at most one explicit entity ref), so all its
 * items share one set of hints, resolved once.
 */
export interface GitHubEventRecord {
  hints: EntityHints;
  deployments?: Unassigned<DeploymentReport>[];
  changes?: Unassigned<ChangeReport>[];
  pipelineRuns?: Unassigned<PipelineRunReport>[];
}

/** A supported event records something; anything else is acknowledged and ignored. */
export type GitHubEventMapping =
  | { kind: 'record'; record: GitHubEventRecord }
  | { kind: 'ignore'; reason: string };

/** The batch to write, with the resolved entity on every item. */
export function assignEntity(
  record: GitHubEventRecord,
  assignment: EntityAssignment,
): DeliveryBatch {
  const assign = <T>(items: T[] | undefined) =>
    items?.map(item => ({ ...item, ...assignment }));
  return {
    deployments: assign(record.deployments),
    changes: assign(record.changes),
    pipelineRuns: assign(record.pipelineRuns),
  };
}

export function ignore(reason: string): GitHubEventMapping {
  return { kind: 'ignore', reason };
}

export function recordOf(record: GitHubEventRecord): GitHubEventMapping {
  return { kind: 'record', record };
}
