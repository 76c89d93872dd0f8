import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import { spec } from '../schema/openapi.generated';
import { Knex } from 'knex';
import { DeploymentStore } from '../deployments/DeploymentStore';
import { IncidentStore } from '../incidents/IncidentStore';
import { PipelineRunStore } from '../pipelines/PipelineRunStore';
import { listUnresolvedEvents } from '../delivery/UnresolvedEvents';
import { SpanStore } from '../ingest/otlp/SpanStore';
import { EntityLookup, parseRequestedEntityRef } from '../catalog/EntityLookup';
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

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  database: Knex;
  deployments: DeploymentStore;
  incidents: IncidentStore;
  pipelineRuns: PipelineRunStore;
  spans: SpanStore;
  entities: EntityLookup;
  criterionSources: () => string[];
  /** Absent when readiness is turned off in config. */
  readiness?: ReadinessRouteOptions;
  dora: DoraService;
  gates: GateRouteOptions;
}

/**
 * The plugin's HTTP API, typed and validated from src/schema/openapi.yaml:
 * requests that do not match the description get a 400 naming the problem.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, httpAuth, deployments, entities } = options;
  const router = createValidatedOpenApiRouter(spec);

  /**
   * The caller's credentials, and the entity they ask about as the catalog
   * shows it to them: 404 when it does not exist or is hidden from them.
   */
  async function visibleEntityOf(
    req: Parameters<HttpAuthService['credentials']>[0],
    rawEntityRef: string,
  ): Promise<string> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return entities.requireEntity(
      parseRequestedEntityRef(rawEntityRef),
      credentials,
    );
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
    const traceId = req.params.traceId.toLocaleLowerCase('en-US');
    const spans = await options.spans.readTrace(traceId);
    if (spans.length === 0) {
      throw new NotFoundError(`Trace ${traceId} was not received`);
    }
    // A trace is as visible as the entity it belongs to.
    const entityRef = spans.find(span => span.entityRef)?.entityRef;
    if (entityRef) {
      await entities.requireEntity(
        parseRequestedEntityRef(entityRef),
        credentials,
      );
    }
    res.json({ traceId, ...(entityRef ? { entityRef } : {}), spans });
  });

  router.get('/ingest/unresolved', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
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
  if (options.readiness) {
    addReadinessRoutes(router, options.readiness);
  }

  return router;
}
