import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { spec } from '../schema/openapi.generated';
import { DeploymentStore } from '../deployments/DeploymentStore';
import { readDeliveryTimeline } from './deliveryTimeline';
import { readDeploymentView } from './deploymentView';
import { readEnvironmentStates } from './environmentStates';
import { pathSubjectOf, readPathToProduction } from './pathToProduction';
import { resolveRange } from './requestedRange';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

/** The longest timeline one request may ask for, and the default. */
export const TIMELINE_RANGE = { defaultDays: 30, maxDays: 400 };

export interface TimelineRouteOptions {
  database: Knex;
  deployments: DeploymentStore;
  /**
   * The entity as the caller may see it, canonical; 404 when hidden (with
   * `notFound` as its message, if given).
   */
  visibleEntityOf(
    req: Parameters<HttpAuthService['credentials']>[0],
    rawEntityRef: string,
    notFound?: string,
  ): Promise<string>;
  /** DORA's production environments (`qualityGates.dora.productionEnvironments`). */
  productionEnvironments: readonly string[];
}

/**
 * The delivery timeline, "what is where", one deployment opened from the
 * timeline, and the path of a commit or version to production.
 */
export function addTimelineRoutes(
  router: ApiRouter,
  options: TimelineRouteOptions,
) {
  const { database, visibleEntityOf, productionEnvironments } = options;

  router.get('/timeline', async (req, res) => {
    const range = resolveRange(req.query, TIMELINE_RANGE);
    const entityRef = await visibleEntityOf(req, req.query.entityRef);
    res.json(await readDeliveryTimeline(database, entityRef, range));
  });

  router.get('/environments', async (req, res) => {
    const entityRef = await visibleEntityOf(req, req.query.entityRef);
    res.json(
      await readEnvironmentStates(database, entityRef, productionEnvironments),
    );
  });

  router.get('/deployments/:deploymentId', async (req, res) => {
    const { deploymentId } = req.params;
    const details = await options.deployments.getDeployment(deploymentId);
    const notFound = `Deployment ${deploymentId} was not found`;
    // Unresolved deployments belong to no entity anyone may read.
    if (!details?.entityRef) throw new NotFoundError(notFound);
    // Hidden entities stay hidden: not even their name is revealed.
    await visibleEntityOf(req, details.entityRef, notFound);
    res.json(await readDeploymentView(database, details));
  });

  router.get('/path-to-production', async (req, res) => {
    const subject = pathSubjectOf(req.query);
    const entityRef = await visibleEntityOf(req, req.query.entityRef);
    res.json(
      await readPathToProduction(
        database,
        entityRef,
        subject,
        productionEnvironments,
      ),
    );
  });
}
