import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  canonicalEntityRef,
  countReadinessStates,
  matchesEntityFilter,
  nextReadinessLevel,
  reachedReadinessLevel,
  ReadinessCheckResult,
  ReadinessEntityFacts,
  readinessScore,
  ReadinessStateCounts,
  relationTargetRef,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  ReadinessCatalogFacts,
  ReadinessCheck,
  ReadinessCheckOutcome,
} from '@can-i-deploy/plugin-quality-gates-node';
import { ReadinessCheckSet } from './ReadinessCheckSet';

/** One entity's evaluation, ready to store. */
export interface EntityEvaluation {
  facts: ReadinessEntityFacts;
  results: ReadinessCheckResult[];
  level: string | null;
  nextLevel: string | null;
  score: number | null;
  counts: ReadinessStateCounts;
  failingChecks: string[];
}

/** The exemption in force for a check, by check id. */
export type ActiveExemptions = ReadonlyMap<string, { id: string }>;

/** Checks that read more than the catalog get this long each by default. */
export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;

const FAILING_STATES = new Set(['failed', 'error', 'not_reported']);

/** The signal catalog-only checks get: they have no time budget. */
const NEVER_ABORTED = new AbortController().signal;

function entityFacts(entity: Entity): ReadinessEntityFacts {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const facts: ReadinessEntityFacts = {
    entityRef: canonicalEntityRef(entity),
    kind: entity.kind,
  };
  const optional: Partial<ReadinessEntityFacts> = {
    title: text(entity.metadata.title),
    type: text(spec.type),
    lifecycle: text(spec.lifecycle),
    owner: relationTargetRef(entity, 'owner', 'group'),
    system: relationTargetRef(entity, 'system', 'system'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (facts as any)[key] = value;
  }
  return facts;
}

function errorOutcome(error: unknown): ReadinessCheckOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { state: 'error', message: `The check could not run: ${message}` };
}

/**
 * Runs every check that applies to an entity: applies-to filters decide
 * `not_applicable`, exemptions decide `exempt`, a check that throws or runs
 * out of time is `error`. Nothing is skipped without a state saying so.
 */
export class ReadinessEvaluator {
  constructor(
    private readonly checkSet: ReadinessCheckSet,
    private readonly logger: LoggerService,
    private readonly checkTimeoutMs = DEFAULT_CHECK_TIMEOUT_MS,
  ) {}

  async evaluate(
    entity: Entity,
    catalog: ReadinessCatalogFacts,
    exemptions: ActiveExemptions,
  ): Promise<EntityEvaluation> {
    const results = await Promise.all(
      this.checkSet.checks.map(check =>
        this.evaluateCheck(check, entity, catalog, exemptions),
      ),
    );
    const { levels, levelOfCheck } = this.checkSet;
    const level = reachedReadinessLevel(levels, levelOfCheck, results);
    const counts = countReadinessStates(results);
    return {
      facts: entityFacts(entity),
      results,
      level,
      nextLevel: nextReadinessLevel(levels, level),
      score: readinessScore(counts),
      counts,
      failingChecks: results
        .filter(result => FAILING_STATES.has(result.state))
        .map(result => result.checkId),
    };
  }

  private async evaluateCheck(
    check: ReadinessCheck,
    entity: Entity,
    catalog: ReadinessCatalogFacts,
    exemptions: ActiveExemptions,
  ): Promise<ReadinessCheckResult> {
    if (!matchesEntityFilter(check.appliesTo, entity)) {
      return {
        checkId: check.id,
        state: 'not_applicable',
        message: 'Does not apply to this entity.',
      };
    }
    const exemption = exemptions.get(check.id);
    if (exemption) {
      return {
        checkId: check.id,
        state: 'exempt',
        message:
          'Exempt by decision; see the exemption for why and until when.',
        exemptionId: exemption.id,
      };
    }
    const outcome = check.catalogOnly
      ? await this.runCatalogCheck(check, entity, catalog)
      : await this.runTimedCheck(check, entity, catalog);
    return { checkId: check.id, ...outcome };
  }

  /** Catalog-only checks are synchronous in practice: no timer per entity. */
  private async runCatalogCheck(
    check: ReadinessCheck,
    entity: Entity,
    catalog: ReadinessCatalogFacts,
  ): Promise<ReadinessCheckOutcome> {
    try {
      return await check.evaluate(entity, {
        catalog,
        logger: this.logger,
        signal: NEVER_ABORTED,
      });
    } catch (error) {
      return errorOutcome(error);
    }
  }

  private async runTimedCheck(
    check: ReadinessCheck,
    entity: Entity,
    catalog: ReadinessCatalogFacts,
  ): Promise<ReadinessCheckOutcome> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ReadinessCheckOutcome>(resolve => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({
          state: 'error',
          message: `The check did not finish within ${Math.round(
            this.checkTimeoutMs / 1000,
          )} s.`,
        });
      }, this.checkTimeoutMs);
    });
    try {
      return await Promise.race([
        Promise.resolve(
          check.evaluate(entity, {
            catalog,
            logger: this.logger,
            signal: controller.signal,
          }),
        ),
        timeout,
      ]);
    } catch (error) {
      return errorOutcome(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
