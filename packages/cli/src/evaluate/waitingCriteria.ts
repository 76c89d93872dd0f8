import type {
  CriterionEvidence,
  GateEvaluation,
} from '@can-i-deploy/plugin-quality-gates-common';
import { EvaluateAnswer } from './EvaluateAnswer';

/**
 * Sources whose "not yet" turns into "yes" by waiting alone: a wait-timer
 * (soak) counts the seconds a version has run somewhere.
 */
const WAITING_SOURCES = new Set(['wait-timer']);

/** A criterion that only time can decide, and when it probably will. */
export interface WaitingCriterion {
  gateId: string;
  key: string;
  /** Seconds measured so far. */
  observed: number;
  /** The pass threshold as written, e.g. `>= 3600`. */
  threshold?: string;
  /** When the threshold will be reached, if it can be worked out. */
  decideAt?: Date;
}

/** The lowest value every `>= n` / `> n` in a threshold asks for. */
function lowerBound(threshold: string | undefined): number | undefined {
  let bound: number | undefined;
  for (const part of (threshold ?? '').split(' and ')) {
    const match = /^\s*>=?\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (match) bound = Math.max(bound ?? 0, Number(match[1]));
  }
  return bound;
}

function decideAtOf(criterion: CriterionEvidence): Date | undefined {
  const deployedAt = criterion.details?.deployedAt;
  const seconds = lowerBound(criterion.threshold?.pass);
  if (typeof deployedAt !== 'string' || seconds === undefined) {
    return undefined;
  }
  const start = Date.parse(deployedAt);
  return Number.isNaN(start) ? undefined : new Date(start + seconds * 1_000);
}

/** Whether the gate's outcome can still change by waiting. */
function canChange(evaluation: GateEvaluation): boolean {
  // A dry run decides nothing; an active override has decided already.
  return evaluation.mode !== 'dry-run' && !evaluation.override?.active;
}

/**
 * The criteria of the gates that keep this answer from passing which are
 * undecided only because they wait: measured (the version is deployed
 * where it soaks) but not yet long enough. A version not deployed there
 * has no measurement and does not count: waiting would not change it.
 */
export function waitingCriteria(answer: EvaluateAnswer): WaitingCriterion[] {
  if (answer.verdict !== 'fail' && answer.verdict !== 'warn') return [];
  return answer.evaluations.filter(canChange).flatMap(evaluation =>
    evaluation.criteria
      .filter(
        criterion =>
          WAITING_SOURCES.has(criterion.source) &&
          criterion.state !== 'pass' &&
          criterion.state !== 'error' &&
          typeof criterion.observed === 'number',
      )
      .map(criterion => ({
        gateId: evaluation.gateId,
        key: criterion.key,
        observed: criterion.observed as number,
        ...(criterion.threshold?.pass
          ? { threshold: criterion.threshold.pass }
          : {}),
        ...(decideAtOf(criterion) ? { decideAt: decideAtOf(criterion) } : {}),
      })),
  );
}
