import { Deployment } from '../deployments/Deployment';
import { Change, Incident, PipelineRun } from '../delivery/DeliveryEvents';
import { GateMode, GateVerdict } from '../gates/GateEvaluation';

/**
 * A gate decision placed on the timeline: enough to draw a marker and link
 * to the evaluation.
 *
 * @public
 */
export interface TimelineGateDecision {
  evaluationId: string;
  gateId: string;
  environment: string;
  version: string;
  verdict: GateVerdict;
  mode: GateMode;
  /** When the verdict was reached (ISO 8601, UTC). */
  decidedAt: string;
  /** Set when a person overrode the verdict; the recorded one never changes. */
  overriddenTo?: GateVerdict;
}

/**
 * One entity's delivery on a time axis: environments as lanes in promotion
 * order, deployments, gate decisions and incidents between `from` and `to`.
 *
 * @public
 */
export interface DeliveryTimeline {
  entityRef: string;
  from: string;
  to: string;
  /** Environment names, earliest stage first (dev → staging → production). */
  lanes: string[];
  /** Deployments started in the range (rolled back ones included), oldest first. */
  deployments: Deployment[];
  gateDecisions: TimelineGateDecision[];
  /** Incidents open at any time in the range, oldest first. */
  incidents: Incident[];
  /**
   * True when a kind hit its row limit: the client should narrow the range.
   * Items kept are the newest ones.
   */
  truncated: boolean;
}

/**
 * What production lacks compared with an environment before it on the
 * promotion path.
 *
 * @public
 */
export interface EnvironmentLag {
  /** Distinct versions deployed successfully here since production's current one. */
  versionsAhead: number;
  /** Commits those deployments brought that production has not received. */
  changesAhead: number;
  /** When the oldest such change was first deployed here, if any. */
  oldestWaitingSince?: string;
}

/**
 * "What is where": the version running in each environment now.
 *
 * @public
 */
export interface EnvironmentState {
  environment: string;
  /** Absent when no deployment there ever succeeded. */
  current?: {
    version: string;
    deploymentId: string;
    deployedAt: string;
    actor?: string;
  };
  /** The newest deployment there, if it is not the current one (e.g. failed). */
  latestAttempt?: Pick<
    Deployment,
    'id' | 'version' | 'status' | 'startedAt' | 'finishedAt'
  >;
  /** Only for environments before production; absent for production itself. */
  aheadOfProduction?: EnvironmentLag;
}

/**
 * Response of the "what is where" endpoint.
 *
 * @public
 */
export interface EnvironmentStates {
  entityRef: string;
  /** The environment treated as production (the last lane on the path). */
  productionEnvironment?: string;
  environments: EnvironmentState[];
}

/**
 * One step on a version's way to production: a CI run or a deployment,
 * with the gate decisions made for that deployment's environment and version.
 *
 * @public
 */
export type PathStep =
  | { kind: 'pipelineRun'; at: string; pipelineRun: PipelineRun }
  | {
      kind: 'deployment';
      at: string;
      deployment: Deployment;
      gateDecisions: TimelineGateDecision[];
    };

/**
 * Everything that happened to one commit or version, in time order, from
 * pull request checks to the production deployment.
 *
 * @public
 */
export interface PathToProduction {
  entityRef: string;
  /** What was asked for. */
  sha?: string;
  version?: string;
  steps: PathStep[];
  /** Whether a production deployment of it succeeded. */
  reachedProduction: boolean;
  /** First CI run start → first successful production deployment, when both exist. */
  durationSeconds?: number;
}

/**
 * One deployment opened from the timeline: what it brought, the run that
 * performed it, the gate decisions for its environment and version, and the
 * incidents tied to it.
 *
 * @public
 */
export interface DeploymentView {
  deployment: Deployment;
  changes: Change[];
  pipelineRun?: PipelineRun;
  gateDecisions: TimelineGateDecision[];
  incidents: Incident[];
}
