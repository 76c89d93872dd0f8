import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { CatalogApi } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { gateOverridePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import { spec } from '../../schema/openapi.generated';
import { parseRequestedEntityRef } from '../../catalog/EntityLookup';
import { GateEvaluator } from '../evaluation/GateEvaluator';
import { GateEvaluationStore } from '../store/GateEvaluationStore';
import { GateEffectivenessStore } from '../effectiveness/GateEffectivenessStore';
import { writeGateEvaluationsCsv } from './gateEvaluationsCsv';
import { actorOf } from '../../service/actorOf';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

export interface GateRouteOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogApi;
  evaluator: GateEvaluator;
  store: GateEvaluationStore;
  /** Longest an override may last. */
  maxOverrideDays: number;
  effectiveness: GateEffectivenessStore;
}

/** Routes under /gates: evaluate, history, one evaluation, status, override. */
export function addGateRoutes(router: ApiRouter, options: GateRouteOptions) {
  const { httpAuth, auth, catalog, evaluator, store } = options;

  const credentialsOf = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function catalogToken(credentials: BackstageCredentials) {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'catalog',
    });
    return token;
  }

  /** The entity as the caller sees it; 404 when hidden or absent. */
  async function visibleEntity(
    credentials: BackstageCredentials,
    raw: string,
  ): Promise<{ entity: Entity; entityRef: string }> {
    const entityRef = stringifyEntityRef(
      parseRequestedEntityRef(raw),
    ).toLocaleLowerCase('en-US');
    const entity = await catalog.getEntityByRef(entityRef, {
      token: await catalogToken(credentials),
    });
    if (!entity) {
      throw new NotFoundError(
        `Entity ${entityRef} was not found in the catalog`,
      );
    }
    return { entity, entityRef };
  }

  router.post('/gates/evaluate', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { entity, entityRef } = await visibleEntity(
      credentials,
      req.body.entityRef,
    );
    res.json(
      await evaluator.evaluate({
        entity,
        entityRef,
        environment: req.body.environment,
        version: req.body.version,
        trigger: req.body.trigger ?? 'ci',
        requestedBy: actorOf(credentials),
      }),
    );
  });

  /** The history's filters, with an owner turned into its entities. */
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
  ) {
    const { owner, entityRef: rawEntityRef, ...filters } = query;
    let entityRefs: string[] | undefined;
    if (owner) {
      const ownerRef = stringifyEntityRef(
        parseRequestedEntityRef(owner.includes(':') ? owner : `group:${owner}`),
      ).toLocaleLowerCase('en-US');
      const { items } = await catalog.getEntities(
        {
          filter: { 'relations.ownedBy': ownerRef },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { token: await catalogToken(credentials) },
      );
      entityRefs = items.map(item =>
        stringifyEntityRef(item).toLocaleLowerCase('en-US'),
      );
    }
    const entityRef = rawEntityRef
      ? (await visibleEntity(credentials, rawEntityRef)).entityRef
      : undefined;
    return { ...filters, entityRef, entityRefs };
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
    const evaluation = await store.get(id);
    if (!evaluation) throw new NotFoundError(`No gate evaluation ${id}`);
    // An evaluation is as visible as its entity.
    await visibleEntity(credentials, evaluation.entityRef);
    return evaluation;
  }

  router.get('/gates/evaluations/:evaluationId', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await visibleEvaluation(credentials, req.params.evaluationId));
  });

  router.post('/gates/evaluations/:evaluationId/override', async (req, res) => {
    const credentials = await credentialsOf(req);
    const [decision] = await options.permissions.authorize(
      [{ permission: gateOverridePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You need the ${gateOverridePermission.name} permission to override a verdict`,
      );
    }
    const evaluation = await visibleEvaluation(
      credentials,
      req.params.evaluationId,
    );
    const expiry = DateTime.fromISO(req.body.expiresAt, { setZone: true });
    const now = DateTime.utc();
    if (expiry <= now) throw new InputError('expiresAt must be in the future');
    if (expiry > now.plus({ days: options.maxOverrideDays })) {
      throw new InputError(
        `expiresAt must be at most ${options.maxOverrideDays} days ahead (qualityGates.gates.maxOverrideDays)`,
      );
    }
    if (req.body.reason.trim().length < 10) {
      throw new InputError('reason must say why, in at least 10 characters');
    }
    await store.addOverride({
      evaluationId: evaluation.id,
      verdict: req.body.verdict,
      reason: req.body.reason.trim(),
      createdBy: actorOf(credentials),
      expiresAt: expiry.toUTC().toISO()!,
    });
    res.status(201).json((await store.get(evaluation.id))!);
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
    const { entityRef } = await visibleEntity(credentials, req.query.entityRef);
    const [latest, recent] = await Promise.all([
      store.latestPerGate(entityRef),
      store.recentVerdicts(entityRef, 50),
    ]);
    res.json({ entityRef, latest, recent });
  });
}
