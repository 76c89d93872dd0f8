/**
 * Every state a readiness check result can have. A check is never silently
 * skipped: one that does not apply is `not_applicable`, one whose data is
 * missing is `not_reported`, one that broke is `error`.
 *
 * @public
 */
export const READINESS_CHECK_STATES = [
  'passed',
  'warning',
  'failed',
  'error',
  'not_reported',
  'exempt',
  'not_applicable',
] as const;

/**
 * The state of one readiness check for one entity.
 *
 * @public
 */
export type ReadinessCheckState = (typeof READINESS_CHECK_STATES)[number];

/**
 * States that meet a check's level: a warning is met with a caveat, an
 * exemption is met by decision, a check that does not apply asks nothing.
 *
 * @public
 */
export function meetsReadinessCheck(state: ReadinessCheckState): boolean {
  return (
    state === 'passed' ||
    state === 'warning' ||
    state === 'exempt' ||
    state === 'not_applicable'
  );
}

/**
 * A link to what a result rests on: the alert rule file, the dashboard, the
 * catalog entity of the owner.
 *
 * @public
 */
export interface ReadinessEvidence {
  title: string;
  url?: string;
}

/**
 * One thing a check looked at (an alert rule, a dashboard) and what it lacks.
 *
 * @public
 */
export interface ReadinessItem {
  name: string;
  state: 'passed' | 'warning' | 'failed';
  /** What the item lacks, e.g. `runbook_url annotation is not a URL`. */
  missing: string[];
  /** Where the item was found: a file path, `prometheus`, an annotation. */
  source?: string;
  url?: string;
}

/**
 * What a check is and how to satisfy it.
 *
 * @public
 */
export interface ReadinessCheckInfo {
  id: string;
  title: string;
  /** Why it matters, in a sentence or two. */
  description: string;
  /** How to fix a failure, as markdown (may hold links). */
  howToFix: string;
  /** The level this check belongs to (e.g. `bronze`); none counts for no level. */
  level?: string;
}

/**
 * What one check concluded for one entity.
 *
 * @public
 */
export interface ReadinessCheckResult {
  checkId: string;
  state: ReadinessCheckState;
  /** One line that says what was found. */
  message: string;
  /** Each thing that is missing, as a line a person can act on. */
  missing?: string[];
  evidence?: ReadinessEvidence[];
  /** Every item the check looked at, e.g. every alert rule. */
  items?: ReadinessItem[];
  /** The exemption in force, when the state is `exempt`. */
  exemptionId?: string;
}

/**
 * A level of readiness (bronze → silver → gold). An entity is at a level when
 * every check of that level and of every level below it is met.
 *
 * @public
 */
export interface ReadinessLevel {
  id: string;
  title: string;
  description?: string;
}

/**
 * How many results of an entity are in each state.
 *
 * @public
 */
export type ReadinessStateCounts = Record<ReadinessCheckState, number>;

/**
 * An exemption from one check for one entity: decided by someone, with a
 * reason, until a date. Exemptions are never deleted, only revoked.
 *
 * @public
 */
export interface ReadinessExemption {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedBy?: string;
  revokedAt?: string;
  /** Whether it is in force now: not revoked and not expired. */
  active: boolean;
}
