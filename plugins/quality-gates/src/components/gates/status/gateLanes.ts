import {
  GateEvaluation,
  sortByPromotionOrder,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  GateStatusResponse,
  GateVerdictPoint,
} from '../../../api/QualityGatesApi';

/** One gate in one environment: its latest evaluation and recent verdicts. */
export interface GateLane {
  latest: GateEvaluation;
  /** Oldest first, the latest included. */
  recent: GateVerdictPoint[];
}

/** An environment and its gates. */
export interface EnvironmentGates {
  environment: string;
  lanes: GateLane[];
}

/**
 * The status grouped by environment in promotion order (staging before
 * production), gates by title within each, each with its own strip.
 */
export function gateLanesByEnvironment(
  status: GateStatusResponse,
): EnvironmentGates[] {
  const environments = sortByPromotionOrder(
    [...new Set(status.latest.map(evaluation => evaluation.environment))],
    environment => environment,
  );
  return environments.map(environment => ({
    environment,
    lanes: status.latest
      .filter(evaluation => evaluation.environment === environment)
      .sort((a, b) => a.gateTitle.localeCompare(b.gateTitle))
      .map(latest => ({
        latest,
        recent: status.recent
          .filter(
            point =>
              point.gateId === latest.gateId &&
              point.environment === environment,
          )
          // The backend sends newest first; a strip reads left to right.
          .reverse(),
      })),
  }));
}
