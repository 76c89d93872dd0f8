import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import { gateBaselinePinPermission } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import { spec } from '../../schema/openapi.generated';
import { CatalogAccess } from '../../catalog/CatalogAccess';
import { requireEntityPermission } from '../../permissions/requirePermission';
import { GateEvaluator } from '../evaluation/GateEvaluator';
import {
  GateEvaluationFilters,
  GateEvaluationStore,
} from '../store/GateEvaluationStore';
import { GateEffectivenessStore } from '../effectiveness/GateEffectivenessStore';
import { writeGateEvaluationsCsv } from './gateEvaluationsCsv';
import { actorOf } from '../../service/actorOf';
import { entityScope } from './entityScope';
import { decisionEntity } from './decisionEntity';
import {
  addDecisionRoutes,
  DecisionRouteOptions,
} from '../decisions/decisionRoutes';
import {
  addOverrideRoutes,
  OverrideRouteOptions,
} from '../overrides/overrideRoutes';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

export interface GateRouteOptions
  extends OverrideRouteOptions,
    DecisionRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The catalog as each caller sees it. */
  access: CatalogAccess;
  evaluator: GateEvaluator;
  store: GateEvaluationStore;
  /** Longest an override may last. */
  maxOverrideDays: number;
  effectiveness: GateEffectivenessStore;
}

/**
 * Routes under /gates: evaluate, history, one evaluation, status, baseline
 * pins; decisions and overrides have their own.
 */
export function addGateRoutes(router: ApiRouter, options: GateRouteOptions) {
  const { httpAuth, permissions, access, evaluator, store } = options;
  addDecisionRoutes(router, options);
  addOverrideRoutes(router, options);

  const credentialsOf = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.post('/gates/evaluate', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { entity, entityRef, mayMeasure } = decisionEntity({
      access,
      permissions,
      credentials,
      rawEntityRef: req.body.entityRef,
    });
    // The catalog read goes out before the gate's queries: started after
    // them, it was answered while Prometheus (on the same cores, in a small
    // install) answered them, and the decision waited for the entity, not
    // the slowest query. One event-loop turn lets the catalog client send.
    await new Promise(resolve => setImmediate(resolve));
    res.json(
      await evaluator.evaluate({
        entity,
        mayMeasure,
        entityRef,
        environment: req.body.environment,
        version: req.body.version,
        trigger: req.body.trigger ?? 'ci',
        requestedBy: actorOf(credentials),
      }),
    );
  });

  /**
   * The history's filters, with an owner turned into its entities, limited
   * to the entities the caller can see (before paging, so that pages and
   * totals count only what the caller may read).
   */
  async function historyQuery(
    credentials: BackstageCredentials,
    query: {
      entityRef?: string;
      owner?: string;
      gateId?: string;
      environment?: string;
      verdict?: 'pass' | 'warn' | 'fail' | 'error';
      overridden?: boolean;
      from?: string;
      to?: string;
    },
  ): Promise<GateEvaluationFilters> {
    const { owner, entityRef, ...filters } = query;
    const scope = await entityScope(
      access,
      credentials,
      { owner, entityRef },
      () => store.entityRefsOf(filters),
    );
    return { ...filters, ...scope };
  }

  router.get('/gates/evaluations', async (req, res) => {
    const credentials = await credentialsOf(req);
    const filters = await historyQuery(credentials, req.query);
    res.json(
      await store.list({
        ...filters,
        limit: req.query.limit ?? 50,
        offset: req.query.offset ?? 0,
      }),
    );
  });

  router.get('/gates/evaluations/export', async (req, res) => {
    const credentials = await credentialsOf(req);
    const filters = await historyQuery(credentials, req.query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="gate-evaluations-${DateTime.utc().toFormat(
        'yyyy-LL-dd',
      )}.csv"`,
    );
    async function* pages() {
      for (let offset = 0; ; offset += 500) {
        const { items } = await store.list({ ...filters, limit: 500, offset });
        yield items;
        if (items.length < 500) return;
      }
    }
    await writeGateEvaluationsCsv(res, pages());
    res.end();
  });

  async function visibleEvaluation(
    credentials: BackstageCredentials,
    id: string,
  ) {
    const notFound = `No gate evaluation ${id}`;
    const evaluation = await store.get(id);
    if (!evaluation) throw new NotFoundError(notFound);
    // An evaluation is as visible as its entity.
    await access.visibleEntity(credentials, evaluation.entityRef, notFound);
    return evaluation;
  }

  router.get('/gates/evaluations/:evaluationId', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await visibleEvaluation(credentials, req.params.evaluationId));
  });

  /** A visible evaluation the caller may pin or unpin. */
  async function pinnableEvaluation(
    credentials: BackstageCredentials,
    id: string,
  ) {
    const evaluation = await visibleEvaluation(credentials, id);
    await requireEntityPermission(
      permissions,
      credentials,
      gateBaselinePinPermission,
      evaluation.entityRef,
    );
    return evaluation;
  }

  /** Pins change what later evaluations compare with: audited like overrides. */
  async function audited(
    req: Parameters<AuditorService['createEvent']>[0]['request'],
    action: 'pin' | 'unpin',
    evaluation: {
      id: string;
      entityRef: string;
      gateId: string;
      environment: string;
    },
    change: () => Promise<unknown>,
  ) {
    const event = await options.auditor.createEvent({
      eventId: 'gate-baseline-pin',
      severityLevel: 'medium',
      request: req,
      meta: { action },
    });
    try {
      await change();
      await event.success({
        meta: {
          evaluationId: evaluation.id,
          entityRef: evaluation.entityRef,
          gateId: evaluation.gateId,
          environment: evaluation.environment,
        },
      });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  router.post('/gates/evaluations/:evaluationId/pin', async (req, res) => {
    const credentials = await credentialsOf(req);
    const evaluation = await pinnableEvaluation(
      credentials,
      req.params.evaluationId,
    );
    await audited(req, 'pin', evaluation, () =>
      store.pin(evaluation, actorOf(credentials)),
    );
    res.json((await store.get(evaluation.id))!);
  });

  router.post('/gates/evaluations/:evaluationId/unpin', async (req, res) => {
    const credentials = await credentialsOf(req);
    const evaluation = await pinnableEvaluation(
      credentials,
      req.params.evaluationId,
    );
    await audited(req, 'unpin', evaluation, () => store.unpin(evaluation.id));
    res.json((await store.get(evaluation.id))!);
  });

  // Scoped and visible like the history it is computed from.
  router.get('/gates/effectiveness', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { gateId, entityRef, entityRefs } = await historyQuery(
      credentials,
      req.query,
    );
    res.json(
      await options.effectiveness.effectiveness({
        from: req.query.from,
        to: req.query.to,
        gateId,
        entityRef,
        entityRefs,
      }),
    );
  });

  router.get('/gates/status', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await access.visibleEntityRef(
      credentials,
      req.query.entityRef,
    );
    const [latest, recent] = await Promise.all([
      store.latestPerGate(entityRef),
      store.recentVerdicts(entityRef, 50),
    ]);
    res.json({ entityRef, latest, recent });
  });
}
