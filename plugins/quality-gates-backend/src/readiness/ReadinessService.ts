import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { DateTime } from 'luxon';
import {
  canonicalEntityRef,
  EntityFilter,
  EntityReadinessResponse,
  matchesEntityFilter,
  ReadinessExemption,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  catalogFactsOf,
  EntityKinds,
  loadCatalogFacts,
  loadEntityKinds,
  relatedRefsOf,
} from './catalogFacts';
import { EntityKindCache } from './EntityKindCache';
import { OwnCatalogToken } from '../catalog/OwnCatalogToken';
import { ExemptionStore } from './exemptions/ExemptionStore';
import {
  ActiveExemptions,
  EntityEvaluation,
  ReadinessEvaluator,
} from './ReadinessEvaluator';
import { ReadinessCheckSet } from './ReadinessCheckSet';
import {
  ReadinessStore,
  StoredBefore,
  StoredEntityReadiness,
} from './ReadinessStore';
import {
  readinessEntitiesEvaluated,
  readinessRunDuration,
  tracer,
} from '../telemetry/instruments';

/** Entities fetched from the catalog and written to the database at a time. */
export const READINESS_PAGE_SIZE = 500;
/** Entities evaluated at once, so checks that call out do not flood a server. */
const CONCURRENT_ENTITIES = 16;
/** Entities whose owner and system are remembered, the oldest go first. */
const MAX_REMEMBERED_RELATED = 200_000;
/** Exemptions listed with one entity's readiness, newest first. */
const EXEMPTIONS_SHOWN = 100;

/** An on-demand evaluation whose entity-independent reads have started. */
export interface PendingEvaluation {
  entityRef: string;
  evaluatedAt: DateTime;
  exemptions: Promise<{
    shown: ReadinessExemption[];
    active: ActiveExemptions;
  }>;
  /** Kinds of the owner and system stored with the last result. */
  likelyKinds: Promise<EntityKinds>;
  /** What is stored of the last result, if any. */
  before: Promise<StoredBefore | undefined>;
}

/** The outcome of a full run. */
export interface ReadinessRunSummary {
  evaluated: number;
  removed: number;
  durationMs: number;
}

function catalogFilterOf(filter: EntityFilter): Record<string, string[]> {
  // The catalog narrows by kind, type and lifecycle; the rest of the filter
  // (owner refs in any form, tags, annotations) is applied here.
  const query: Record<string, string[]> = {};
  const add = (key: string, value?: string | string[]) => {
    if (value !== undefined) query[key] = ([] as string[]).concat(value);
  };
  add('kind', filter.kind);
  add('spec.type', filter.type);
  add('spec.lifecycle', filter.lifecycle);
  return query;
}

/**
 * Evaluates readiness: every scored entity on the scheduler's run, one
 * entity on demand, and answers for stored results.
 */
export class ReadinessService {
  constructor(
    private readonly options: {
      catalog: CatalogApi;
      auth: AuthService;
      logger: LoggerService;
      checkSet: ReadinessCheckSet;
      evaluator: ReadinessEvaluator;
      store: ReadinessStore;
      exemptions: ExemptionStore;
      /** Which entities are scored. */
      entities: EntityFilter;
      /** How long an owner's or system's kind is reused on demand. */
      kindCacheMs: number;
    },
  ) {
    this.ownToken = new OwnCatalogToken(options.auth);
    this.kinds = new EntityKindCache(options.kindCacheMs);
    this.reusedKinds = { kinds: this.kinds, reuse: true };
  }

  private readonly reusedKinds: { kinds: EntityKindCache; reuse: boolean };
  /**
   * Each entity's owner and system as last evaluated here (the scheduled
   * run sees them all): an on-demand evaluation starts looking up their
   * kinds at once, before the stored result or the entity is read. The
   * store remembers the same owners and systems, but only behind a wait for
   * the entity's unfinished write: taking them from there instead measured
   * 0.67–0.68 of Tech Insights against 0.63–0.64.
   */
  private readonly relatedOf = new Map<string, string[]>();

  private readonly ownToken: OwnCatalogToken;
  private readonly kinds: EntityKindCache;

  get checkSet(): ReadinessCheckSet {
    return this.options.checkSet;
  }

  private catalogToken = (): Promise<string> => this.ownToken.token();

  /** Evaluates a page of entities and stores the results in one transaction. */
  private async evaluatePage(
    entities: Entity[],
    token: string,
    evaluatedAt: DateTime,
    firstSeenAt: DateTime = evaluatedAt,
  ): Promise<EntityEvaluation[]> {
    const { evaluator, store, exemptions, catalog } = this.options;
    const refs = entities.map(e => canonicalEntityRef(e));
    const [facts, exempt] = await Promise.all([
      // The run asks afresh, and refreshes what on-demand evaluations reuse.
      loadCatalogFacts(catalog, entities, async () => token, {
        kinds: this.kinds,
        reuse: false,
      }),
      exemptions.activeFor(refs, evaluatedAt),
    ]);
    entities.forEach((entity, index) =>
      this.rememberRelated(refs[index], entity),
    );
    const evaluations: EntityEvaluation[] = [];
    for (let i = 0; i < entities.length; i += CONCURRENT_ENTITIES) {
      // Let requests in between chunks: catalog-only checks never wait on
      // I/O, and a page of them would otherwise hold the event loop.
      await new Promise(resolve => setImmediate(resolve));
      const chunk = entities.slice(i, i + CONCURRENT_ENTITIES);
      evaluations.push(
        ...(await Promise.all(
          chunk.map((entity, index) =>
            evaluator.evaluate(
              entity,
              facts,
              exempt.get(refs[i + index]) ?? new Map(),
            ),
          ),
        )),
      );
    }
    await store.writeEvaluations(evaluations, evaluatedAt, firstSeenAt);
    readinessEntitiesEvaluated.add(evaluations.length);
    return evaluations;
  }

  /**
   * Re-evaluates every scored entity, streaming the catalog in pages so
   * memory stays flat however large the catalog is. Entities the run did not
   * see lose their latest result (history stays).
   */
  async evaluateAll(): Promise<ReadinessRunSummary> {
    return tracer.startActiveSpan('quality-gates.readiness.run', async span => {
      const started = DateTime.utc();
      try {
        const token = await this.catalogToken();
        let evaluated = 0;
        for await (const page of this.options.catalog.streamEntities(
          {
            filter: catalogFilterOf(this.options.entities),
            pageSize: READINESS_PAGE_SIZE,
          },
          { token },
        )) {
          const scored = page.filter(entity =>
            matchesEntityFilter(this.options.entities, entity),
          );
          // One first-seen time per run (its start) tells the install's
          // first run apart from later ones; see ReadinessStore.newSince.
          await this.evaluatePage(scored, token, DateTime.utc(), started);
          evaluated += scored.length;
        }
        const removed = await this.options.store.removeNotEvaluatedSince(
          started,
        );
        const durationMs = DateTime.utc().diff(started).as('milliseconds');
        span.setAttributes({
          'quality_gates.readiness.evaluated': evaluated,
          'quality_gates.readiness.removed': removed,
        });
        readinessRunDuration.record(durationMs / 1000);
        return { evaluated, removed, durationMs };
      } finally {
        span.end();
      }
    });
  }

  /**
   * Starts the reads of an on-demand evaluation that need only the ref, so
   * they run while the caller's access to the entity is checked. Nothing is
   * answered from them until `evaluateOne` has the entity.
   */
  startEvaluation(entityRef: string): PendingEvaluation {
    const { store, catalog } = this.options;
    const evaluatedAt = DateTime.utc();
    const exemptions = this.exemptionsOf(entityRef, evaluatedAt);
    // The owner and system rarely change: look up the kinds of those this
    // replica last evaluated (else the stored result's) now, not after the
    // entity arrives; evaluateOne asks for any that differ.
    const before = store.storedBefore(entityRef);
    const known = this.relatedOf.get(entityRef);
    const likelyRefs = known
      ? Promise.resolve(known)
      : before.then(stored =>
          [stored?.owner, stored?.system].filter(
            (ref): ref is string => typeof ref === 'string',
          ),
        );
    const likelyKinds = likelyRefs
      .then(refs =>
        loadEntityKinds(catalog, refs, this.catalogToken, this.reusedKinds),
      )
      .catch((): EntityKinds => new Map());
    // Awaited by evaluateOne; a refused caller never gets there.
    exemptions.catch(() => undefined);
    before.catch(() => undefined);
    return { entityRef, evaluatedAt, exemptions, likelyKinds, before };
  }

  /**
   * Evaluates one entity now, if it is scored. The caller has checked that
   * whoever asked may see it (the entity is as the catalog shows them);
   * checks read the catalog with the plugin's own credentials, as the
   * scheduled run does, so results do not depend on who asked.
   */
  async evaluateOne(
    entity: Entity,
    started?: PendingEvaluation,
  ): Promise<EntityReadinessResponse> {
    const entityRef = canonicalEntityRef(entity);
    if (!matchesEntityFilter(this.options.entities, entity)) {
      throw new NotFoundError(
        `${entityRef} is not scored for readiness (see qualityGates.readiness.entities)`,
      );
    }
    const pending =
      started?.entityRef === entityRef
        ? started
        : this.startEvaluation(entityRef);
    const { evaluator, store } = this.options;
    this.rememberRelated(entityRef, entity);
    // Everything the evaluation and the answer need, at once; the answer is
    // built from what was written, not read back.
    const [kinds, { active, shown }] = await Promise.all([
      this.kindsOf(entity, pending.likelyKinds),
      pending.exemptions,
    ]);
    const evaluation = await evaluator.evaluate(
      entity,
      catalogFactsOf(kinds),
      active,
    );
    const before = await pending.before.catch(() => undefined);
    const stored = await store.writeEvaluation(
      evaluation,
      pending.evaluatedAt,
      before,
    );
    readinessEntitiesEvaluated.add(1);
    return this.responseOf(entityRef, stored, shown);
  }

  /** Remembers an entity's owner and system (see `relatedOf`). */
  private rememberRelated(entityRef: string, entity: Entity) {
    this.relatedOf.delete(entityRef);
    this.relatedOf.set(entityRef, relatedRefsOf([entity]));
    if (this.relatedOf.size > MAX_REMEMBERED_RELATED) {
      this.relatedOf.delete(this.relatedOf.keys().next().value!);
    }
  }

  /** The kinds of the entity's owner and system, asking only for new ones. */
  private async kindsOf(
    entity: Entity,
    likely: Promise<EntityKinds>,
  ): Promise<EntityKinds> {
    const known = await likely;
    const refs = relatedRefsOf([entity]);
    const missing = refs.filter(ref => !known.has(ref));
    if (missing.length === 0) return known;
    const more = await loadEntityKinds(
      this.options.catalog,
      missing,
      this.catalogToken,
      this.reusedKinds,
    );
    return new Map([...known, ...more]);
  }

  /**
   * The exemptions shown with one entity and those in force, from one
   * query when the entity has fewer than are shown (nearly always).
   */
  private async exemptionsOf(
    entityRef: string,
    at: DateTime,
  ): Promise<{ shown: ReadinessExemption[]; active: ActiveExemptions }> {
    const { exemptions } = this.options;
    const shown = await exemptions.list({
      entityRef,
      limit: EXEMPTIONS_SHOWN,
      now: at,
    });
    if (shown.length < EXEMPTIONS_SHOWN) {
      const active = new Map(
        shown.filter(e => e.active).map(e => [e.checkId, { id: e.id }]),
      );
      return { shown, active };
    }
    const byEntity = await exemptions.activeFor([entityRef], at);
    return { shown, active: byEntity.get(entityRef) ?? new Map() };
  }

  /** Stored readiness of one entity, never evaluating. */
  async readEntity(entityRef: string): Promise<EntityReadinessResponse> {
    const { store, exemptions } = this.options;
    const [stored, entityExemptions] = await Promise.all([
      store.getEntity(entityRef),
      exemptions.list({ entityRef, limit: EXEMPTIONS_SHOWN }),
    ]);
    return this.responseOf(entityRef, stored, entityExemptions);
  }

  private responseOf(
    entityRef: string,
    stored: StoredEntityReadiness | undefined,
    entityExemptions: ReadinessExemption[],
  ): EntityReadinessResponse {
    const { checkSet } = this.options;
    const resultById = new Map(stored?.results.map(r => [r.checkId, r]) ?? []);
    return {
      entityRef,
      levels: checkSet.levels,
      checks: checkSet.describe().map(info => ({
        ...info,
        result: resultById.get(info.id) ?? {
          checkId: info.id,
          state: 'not_reported',
          message: stored
            ? 'Not evaluated yet: the check was added after the last evaluation.'
            : 'Not evaluated yet.',
        },
      })),
      ...(stored ? { summary: stored.summary } : {}),
      exemptions: entityExemptions,
    };
  }
}
