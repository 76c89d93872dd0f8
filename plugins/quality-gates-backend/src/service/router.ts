import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { spec } from '../schema/openapi.generated';
import { Knex } from 'knex';
import { DeploymentStore } from '../deployments/DeploymentStore';
import { IncidentStore } from '../incidents/IncidentStore';
import { PipelineRunStore } from '../pipelines/PipelineRunStore';
import { listUnresolvedEvents } from '../delivery/UnresolvedEvents';
import { SpanStore } from '../ingest/otlp/SpanStore';
import { eventsCreatePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { CatalogAccess } from '../catalog/CatalogAccess';
import { isAllowed, requirePermission } from '../permissions/requirePermission';
import { deploymentsReadCounter, tracer } from '../telemetry/instruments';
import { addDoraRoutes } from '../dora/doraRoutes';
import { addGateRoutes, GateRouteOptions } from '../gates/service/gateRoutes';
import { DoraService } from '../dora/DoraService';
import { addTimelineRoutes } from '../timeline/timelineRoutes';
import { addPipelineStatsRoutes } from '../pipelines/pipelineStatsRoutes';
import {
  addReadinessRoutes,
  ReadinessRouteOptions,
} from '../readiness/readinessRoutes';
import { jsonBody } from '../input/requestBody';
import { isTimestamp } from '../input/timestamp';
import { requireFiniteQueryNumbers } from '../input/requestUrl';
import { answerErrors } from './errorResponses';
import { answerJsonAtOnce } from './jsonAnswers';
import { addCatalogColumnRoutes } from '../catalogColumns/catalogColumnRoutes';

/** Default for `qualityGates.api.maxBodySize`: gate and readiness requests are small. */
export const DEFAULT_API_MAX_BODY_SIZE = '100kb';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  database: Knex;
  deployments: DeploymentStore;
  incidents: IncidentStore;
  pipelineRuns: PipelineRunStore;
  spans: SpanStore;
  permissions: PermissionsService;
  /** The catalog as each caller sees it. */
  access: CatalogAccess;
  criterionSources: () => string[];
  /** Absent when readiness is turned off in config. */
  readiness?: ReadinessRouteOptions;
  dora: DoraService;
  gates: GateRouteOptions;
  /** Largest accepted JSON body (body-parser syntax); 413 above it. */
  maxBodySize?: string;
}

/**
 * The plugin's HTTP API, typed and validated from src/schema/openapi.yaml:
 * requests that do not match the description get a 400 naming the problem.
 * Bodies are read before validation, so that a body over the limit gets a
 * 413 (the validator turns every error of its own body parser into a 400),
 * and so that depth and text are checked before any validator walks them.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, httpAuth, deployments, access } = options;
  const api = Router();
  // Every JSON answer, the decisions and evaluations people wait on first.
  api.use(answerJsonAtOnce());
  api.use(
    jsonBody({
      limit: options.maxBodySize ?? DEFAULT_API_MAX_BODY_SIZE,
      setting: 'qualityGates.api.maxBodySize',
      jsonOnly: true,
    }),
  );
  const router = createValidatedOpenApiRouter(spec, {
    // The body is already read (above).
    middleware: [(_req, _res, next) => next()],
    // One notion of a timestamp: `2026-02-30T00:00:00Z` is not one.
    validatorOptions: { formats: { 'date-time': isTimestamp } },
  });
  router.use(requireFiniteQueryNumbers);
  api.use(router);
  api.use(answerErrors(logger));

  /**
   * The caller's credentials, and the entity they ask about as the catalog
   * shows it to them: 404 when it does not exist or is hidden from them.
   */
  async function visibleEntityOf(
    req: Parameters<HttpAuthService['credentials']>[0],
    rawEntityRef: string,
    notFound?: string,
  ): Promise<string> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return access.visibleEntityRef(credentials, rawEntityRef, notFound);
  }

  router.get('/health', async (_req, res) => {
    try {
      await deployments.ping();
    } catch (error) {
      logger.error('Health check: database did not answer', error as Error);
      throw new ServiceUnavailableError('Database did not answer');
    }
    res.json({
      status: 'ok',
      database: 'ok',
      criterionSources: options.criterionSources(),
    });
  });

  router.get('/deployments', async (req, res) => {
    const { environment, status, from, to } = req.query;
    const limit = req.query.limit ?? 50;
    const offset = req.query.offset ?? 0;
    const entityRef = await visibleEntityOf(req, req.query.entityRef);
    const body = await tracer.startActiveSpan(
      'quality-gates.deployments.list',
      { attributes: { 'backstage.entity_ref': entityRef } },
      async span => {
        try {
          const [page, currentVersions] = await Promise.all([
            deployments.listDeployments({
              entityRef,
              limit,
              offset,
              environment,
              status,
              from,
              to,
            }),
            deployments.currentVersions(entityRef),
          ]);
          return { entityRef, ...page, currentVersions };
        } finally {
          span.end();
        }
      },
    );
    deploymentsReadCounter.add(1);
    res.json(body);
  });

  router.get('/incidents', async (req, res) => {
    const entityRef = await visibleEntityOf(req, req.query.entityRef);
    const page = await options.incidents.list({
      entityRef,
      limit: req.query.limit ?? 50,
      offset: req.query.offset ?? 0,
      environment: req.query.environment,
      open: req.query.open,
      from: req.query.from,
      to: req.query.to,
    });
    res.json({ entityRef, ...page });
  });

  router.get('/pipeline-runs', async (req, res) => {
    const entityRef = await visibleEntityOf(req, req.query.entityRef);
    const page = await options.pipelineRuns.list({
      entityRef,
      limit: req.query.limit ?? 50,
      offset: req.query.offset ?? 0,
      pipelineName: req.query.pipelineName,
      result: req.query.result,
      sha: req.query.sha,
      from: req.query.from,
      to: req.query.to,
    });
    res.json({ entityRef, ...page });
  });

  router.get('/traces/:traceId', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const traceId = req.params.traceId.toLowerCase();
    const spans = await options.spans.readTrace(traceId);
    if (spans.length === 0) {
      throw new NotFoundError(`Trace ${traceId} was not received`);
    }
    // A trace is as visible as the entities it belongs to: all of them.
    // One that belongs to none is an unresolved event, listed only to
    // those who may send events (see /ingest/unresolved).
    const entityRefs = await options.spans.entityRefsOfTrace(traceId);
    const visible =
      entityRefs.length === 0
        ? await isAllowed(
            options.permissions,
            credentials,
            eventsCreatePermission,
          )
        : (await access.visibleRefs(credentials, entityRefs)).length ===
          entityRefs.length;
    if (!visible) {
      throw new NotFoundError(`Trace ${traceId} was not received`);
    }
    const entityRef = spans.find(span => span.entityRef)?.entityRef;
    res.json({ traceId, ...(entityRef ? { entityRef } : {}), spans });
  });

  // Unresolved events name no entity the catalog could filter by: they are
  // listed to those who may send events, who can see them anyway.
  router.get('/ingest/unresolved', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requirePermission(
      options.permissions,
      credentials,
      eventsCreatePermission,
    );
    res.json(
      await listUnresolvedEvents(options.database, req.query.limit ?? 100),
    );
  });

  addDoraRoutes(router, { httpAuth, dora: options.dora });
  addTimelineRoutes(router, {
    database: options.database,
    deployments,
    visibleEntityOf,
    productionEnvironments: options.dora.environments,
  });
  addPipelineStatsRoutes(router, {
    database: options.database,
    visibleEntityOf,
  });
  addGateRoutes(router, options.gates);
  addCatalogColumnRoutes(router, {
    httpAuth,
    access,
    decisions: options.gates.decisions,
    readiness: options.readiness,
  });
  if (options.readiness) {
    addReadinessRoutes(router, options.readiness);
  }

  return api;
}
