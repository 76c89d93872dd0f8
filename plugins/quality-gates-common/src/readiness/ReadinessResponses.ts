import {
  ReadinessCheckInfo,
  ReadinessCheckResult,
  ReadinessExemption,
  ReadinessLevel,
  ReadinessStateCounts,
} from './ReadinessCheck';

/**
 * Answer of `GET /readiness/checks`: the levels in order and every check
 * that is configured or registered.
 *
 * @public
 */
export interface ReadinessChecksResponse {
  levels: ReadinessLevel[];
  checks: ReadinessCheckInfo[];
}

/**
 * The catalog facts an overview row shows and filters on.
 *
 * @public
 */
export interface ReadinessEntityFacts {
  entityRef: string;
  kind: string;
  title?: string;
  type?: string;
  lifecycle?: string;
  /** Full ref of `spec.owner`, e.g. `group:default/team-a`. */
  owner?: string;
  /** Full ref of `spec.system`. */
  system?: string;
}

/**
 * The stored readiness of one entity, as of its last evaluation.
 *
 * @public
 */
export interface ReadinessSummary extends ReadinessEntityFacts {
  /** The highest level reached, or null for none. */
  level: string | null;
  /** The level to work towards next, or null at the top. */
  nextLevel: string | null;
  /** Share of applicable checks that are met, 0–100; null when none apply. */
  score: number | null;
  counts: ReadinessStateCounts;
  /** Ids of checks that are failed, errored or not reported. */
  failingChecks: string[];
  evaluatedAt: string;
  /** When readiness first saw the entity. */
  firstSeenAt: string;
  /** `lifecycle: experimental`, or first seen within the configured days. */
  isNew: boolean;
}

/**
 * Answer of `GET /readiness/entity` and `POST /readiness/entity/evaluate`.
 * `summary` is absent while the entity has never been evaluated.
 *
 * @public
 */
export interface EntityReadinessResponse {
  entityRef: string;
  levels: ReadinessLevel[];
  checks: Array<ReadinessCheckInfo & { result: ReadinessCheckResult }>;
  summary?: ReadinessSummary;
  exemptions: ReadinessExemption[];
}

/**
 * One point of an entity's readiness history: kept each time the level or
 * any check's state changed.
 *
 * @public
 */
export interface ReadinessHistoryPoint {
  evaluatedAt: string;
  level: string | null;
  score: number | null;
  counts: ReadinessStateCounts;
  /** State of every check at that time, by check id. */
  states: Record<string, string>;
}

/**
 * Answer of `GET /readiness/entity/history`, oldest first.
 *
 * @public
 */
export interface ReadinessHistoryResponse {
  entityRef: string;
  items: ReadinessHistoryPoint[];
}

/**
 * Answer of `GET /readiness/overview`: new entities first unless a sort is
 * asked for.
 *
 * @public
 */
export interface ReadinessOverviewResponse {
  items: ReadinessSummary[];
  totalCount: number;
  levels: ReadinessLevel[];
  /** Values present in the stored results, for the page's filter menus. */
  facets: {
    kinds: string[];
    lifecycles: string[];
    owners: string[];
    systems: string[];
  };
}

/**
 * Answer of `GET /readiness/exemptions`: the audit trail, newest first.
 *
 * @public
 */
export interface ReadinessExemptionListResponse {
  items: ReadinessExemption[];
}
