import { DeploymentStatus } from '@can-i-deploy/plugin-quality-gates-common';
import {
  DeploymentReport,
  EntityAssignment,
} from '../../delivery/DeliveryBatch';
import { CDEVENTS_SOURCE, ServiceEventRecord } from './cdEventMapping';
import { cdEventsKey } from './cdEventsKey';

type Unassigned<T> = Omit<T, keyof EntityAssignment>;

/** A cdevents deployment as stored now. */
export interface KnownDeployment {
  externalId: string;
  status: DeploymentStatus;
}

/** What a service's timeline shows in one environment at one moment. */
export interface RunningState {
  /** The artifact the last service event left running. */
  artifact: string | null;
  /** The deployment that put it there, when one is known. */
  deployment?: KnownDeployment;
}

/** What the timeline knows when a service event arrives. */
export interface TimelineFacts {
  /** The state at the event's time (from events at or before it). */
  running?: RunningState;
  /** Whether the deployment key of this service, environment and artifact is taken. */
  baseKeyInUse: boolean;
  /** For a rollback: the latest deployment of the artifact it went back to. */
  previousOfArtifact?: KnownDeployment;
}

/** What one service event changes. */
export interface ServiceEventPlan {
  /** A deployment row to write. */
  deployment?: Unassigned<DeploymentReport>;
  /** The deployment a rollback undid: marked `rolled_back`. */
  rollBack?: string;
  /** The deployment the environment runs afterwards, for the timeline. */
  runningAfter: string | null;
  /** Set when the event only repeats what the timeline already shows. */
  unchanged?: string;
}

/**
 * A deployment is identified by what was deployed where:
 * `<service source>/<service id>/<environment>/<artifact>`. The same
 * artifact deployed there again after something else ran (or after it was
 * rolled back) is a new deployment, keyed `<that>#<event id>`.
 */
export function deploymentKeys(record: ServiceEventRecord) {
  const parts = [record.service.source, record.service.id, record.environment];
  return {
    base: cdEventsKey([...parts, record.artifact]),
    occurrence: cdEventsKey([
      ...parts,
      `${record.artifact}#${record.event.id}`,
    ]),
  };
}

function report(
  record: ServiceEventRecord,
  externalId: string,
  status: DeploymentStatus,
): Unassigned<DeploymentReport> {
  return {
    source: CDEVENTS_SOURCE,
    externalId,
    environment: record.environment,
    version: record.version,
    artifact: record.artifact,
    status,
    // CDEvents report a rollout once it happened: it starts and finishes at
    // the event's time.
    startedAt: record.event.at,
    finishedAt: record.event.at,
  };
}

const isLive = (deployment?: KnownDeployment): deployment is KnownDeployment =>
  !!deployment && deployment.status !== 'rolled_back';

/**
 * Decides what a service event means given the service's timeline in that
 * environment. Pure: the facts are read before, the plan is written after.
 *
 * - deployed / upgraded: the artifact already running there (by a deployment
 *   not rolled back) is a repeated report and changes nothing; anything else
 *   is a succeeded deployment.
 * - rolledback: CDEvents name the artifact the service went back to, not the
 *   one undone. The deployment running just before is the one undone, and is
 *   marked `rolled_back`. When the timeline has none (the deployment was
 *   never reported, or arrives later) the rollback is kept as its own
 *   `rolled_back` deployment of the artifact it went back to, so change
 *   failure rate still counts it. When that artifact is already running,
 *   the rollback was already recorded and nothing changes.
 */
export function planServiceEvent(
  record: ServiceEventRecord,
  facts: TimelineFacts,
): ServiceEventPlan {
  const keys = deploymentKeys(record);
  const { running } = facts;

  if (record.predicate !== 'rolledback') {
    if (running?.artifact === record.artifact && isLive(running.deployment)) {
      return {
        runningAfter: running.deployment.externalId,
        unchanged: running.deployment.externalId,
      };
    }
    const externalId = facts.baseKeyInUse ? keys.occurrence : keys.base;
    return {
      deployment: report(record, externalId, 'succeeded'),
      runningAfter: externalId,
    };
  }

  if (running?.artifact === record.artifact) {
    const current = running.deployment?.externalId ?? null;
    return { runningAfter: current, unchanged: current ?? undefined };
  }
  if (isLive(running?.deployment)) {
    return {
      rollBack: running!.deployment!.externalId,
      runningAfter: isLive(facts.previousOfArtifact)
        ? facts.previousOfArtifact.externalId
        : null,
    };
  }
  return {
    deployment: report(record, keys.occurrence, 'rolled_back'),
    runningAfter: keys.occurrence,
  };
}
