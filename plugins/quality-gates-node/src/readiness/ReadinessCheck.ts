import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntityFilter,
  ReadinessCheckInfo,
  ReadinessEvidence,
  ReadinessItem,
} from '@can-i-deploy/plugin-quality-gates-common';

/**
 * What a check may conclude. `exempt` and `not_applicable` are decided by
 * the plugin (exemptions, applies-to filters), never by a check.
 *
 * @public
 */
export interface ReadinessCheckOutcome {
  state: 'passed' | 'warning' | 'failed' | 'error' | 'not_reported';
  /** One line that says what was found. */
  message: string;
  /** Each thing that is missing, as a line a person can act on. */
  missing?: string[];
  evidence?: ReadinessEvidence[];
  /** Every item the check looked at, e.g. every alert rule. */
  items?: ReadinessItem[];
}

/**
 * Facts about the catalog gathered once per evaluation run, so checks that
 * need them do not ask the catalog once per entity.
 *
 * @public
 */
export interface ReadinessCatalogFacts {
  /** The kind of the entity with this full lower-case ref, if it exists. */
  kindOf(entityRef: string): string | undefined;
}

/**
 * What a check gets besides the entity.
 *
 * @public
 */
export interface ReadinessCheckContext {
  catalog: ReadinessCatalogFacts;
  logger: LoggerService;
  /** Aborted when the check's time budget is spent. */
  signal: AbortSignal;
}

/**
 * A readiness check: built in, defined in config, or added by a backend
 * module through {@link qualityGatesReadinessChecksExtensionPoint}.
 * A check that throws is recorded as `error` with the error's message.
 *
 * @public
 */
export interface ReadinessCheck extends ReadinessCheckInfo {
  /** The entities it applies to; others get `not_applicable`. */
  appliesTo?: EntityFilter;
  /**
   * True when the check reads nothing but the entity and the catalog facts:
   * the bulk run evaluates those inline, without a time budget per check.
   */
  readonly catalogOnly?: boolean;
  evaluate(
    entity: Entity,
    context: ReadinessCheckContext,
  ): Promise<ReadinessCheckOutcome> | ReadinessCheckOutcome;
}
