import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { sortByPromotionOrder } from '@can-i-deploy/plugin-quality-gates-common';
import { spec } from '../../schema/openapi.generated';
import { CatalogAccess } from '../../catalog/CatalogAccess';
import { DeploymentStore } from '../../deployments/DeploymentStore';
import { GateConfig } from '../definitions/gateSchema';
import { entityScope } from '../service/entityScope';
import { gateCandidates } from './candidates';
import { GateDecisionStore } from './GateDecisionStore';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

export interface DecisionRouteOptions {
  httpAuth: HttpAuthService;
  access: CatalogAccess;
  decisions: GateDecisionStore;
  knex: Knex;
  deployments: DeploymentStore;
  gates: GateConfig[];
}

/**
 * Routes of decisions: the list, one decision, the latest per environment
 * for a version, and the candidates to ask about. Every read is as visible
 * as its entity: a hidden one is left out, or 404 like an unknown one.
 */
export function addDecisionRoutes(
  router: ApiRouter,
  options: DecisionRouteOptions,
) {
  const { httpAuth, access, decisions } = options;

  const credentialsOf = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/gates/decisions', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { entityRef, owner, limit, offset, ...filters } = req.query;
    const scope = await entityScope(
      access,
      credentials,
      { entityRef, owner },
      () => decisions.entityRefsOf(filters),
    );
    res.json(
      await decisions.list({
        ...filters,
        ...scope,
        limit: limit ?? 50,
        offset: offset ?? 0,
      }),
    );
  });

  router.get('/gates/decisions/latest', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await access.visibleEntityRef(
      credentials,
      req.query.entityRef,
    );
    const latest = await decisions.latestForVersion(
      entityRef,
      req.query.version,
    );
    res.json({
      items: sortByPromotionOrder(latest, decision => decision.environment),
    });
  });

  async function visibleDecision(
    credentials: BackstageCredentials,
    id: string,
  ) {
    const notFound = `No gate decision ${id}`;
    const decision = await decisions.get(id);
    if (!decision) throw new NotFoundError(notFound);
    await access.visibleEntity(credentials, decision.entityRef, notFound);
    return decision;
  }

  router.get('/gates/decisions/:decisionId', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await visibleDecision(credentials, req.params.decisionId));
  });

  router.get('/gates/candidates', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { entity, entityRef } = await access.visibleEntity(
      credentials,
      req.query.entityRef,
    );
    res.json(
      await gateCandidates({
        knex: options.knex,
        entity,
        entityRef,
        gates: options.gates,
        deployments: options.deployments,
        decisions,
      }),
    );
  });
}
