import { ReadinessLevel } from './ReadinessCheck';

/**
 * How many components are at each level: `levels` has one entry per
 * configured level (lowest first) and one with `level: null` for evaluated
 * components that reach none; `notEvaluated` counts those without a stored
 * result (not scored, or not evaluated yet).
 *
 * @public
 */
export interface ReadinessLevelDistribution {
  levels: Array<{ level: string | null; count: number }>;
  notEvaluated: number;
  total: number;
}

/**
 * A check failing for components of a roll-up: how many, and which.
 *
 * @public
 */
export interface ReadinessFailingCheck {
  checkId: string;
  /** The check's title, or its id when it is no longer in use. */
  title: string;
  count: number;
  entityRefs: string[];
}

/**
 * One component of a roll-up. `evaluated` is false (and level and score
 * null) while it has no stored result.
 *
 * @public
 */
export interface ReadinessRollupComponent {
  entityRef: string;
  title?: string;
  evaluated: boolean;
  level: string | null;
  score: number | null;
  failingChecks: string[];
}

/**
 * Answer of `GET /readiness/rollup`: the stored readiness of the components
 * a group owns (and its sub-groups', when configured) or a system holds,
 * as far as the caller can see them.
 *
 * @public
 */
export interface ReadinessRollupResponse {
  scope: {
    kind: 'group' | 'system';
    ref: string;
    /** Whether a group's components include its sub-groups'. */
    includesSubgroups: boolean;
  };
  levels: ReadinessLevel[];
  distribution: ReadinessLevelDistribution;
  /** Checks failing for the most components first. */
  worstChecks: ReadinessFailingCheck[];
  /** Least ready first. */
  items: ReadinessRollupComponent[];
}

/**
 * How the overview groups its rows.
 *
 * @public
 */
export type ReadinessGroupBy = 'owner' | 'system';

/**
 * One group of `GET /readiness/overview/groups`. `ref` is the owner or
 * system ref; null gathers the entities without one.
 *
 * @public
 */
export interface ReadinessOverviewGroup {
  ref: string | null;
  distribution: ReadinessLevelDistribution;
  /** The check failing for the most of the group's entities, if any fails. */
  worstCheck?: ReadinessFailingCheck;
}

/**
 * Answer of `GET /readiness/overview/groups`: the overview's stored results
 * grouped by owner or system, by ref, the entities without one last.
 *
 * @public
 */
export interface ReadinessOverviewGroupsResponse {
  groupBy: ReadinessGroupBy;
  levels: ReadinessLevel[];
  items: ReadinessOverviewGroup[];
}
